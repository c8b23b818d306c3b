using ImtBot.Cards;
using ImtBot.Cards.Gallery;
using ImtBot.Cards.Models;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;
using ImtBot.Core.Reviews;
using ImtBot.Core.Tests.Incidents;

namespace ImtBot.Core.Tests.Reviews;

/// <summary>
/// Every sample and scripted incident, replayed through the cards (incident and review card, from the folded state)
/// and through the review (<see cref="ReviewModel"/> and its Markdown): both tell the same milestones, severity,
/// status, roles and timeline.
/// </summary>
public class CardReviewAgreementTests
{
    private static readonly Dictionary<string, Func<IReadOnlyList<IncidentEvent>>> Logs = AllLogs();

    public static TheoryData<string> Names() => [.. Logs.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void CardsAndReview_SameIncident_AgreeOnMilestones(string name)
    {
        var (state, review, markdown) = Replay(name);
        var text = CardText.For(state.Origin.Platform);
        var card = ReviewCardModel.From(state, text);
        var m = review.Milestones;

        Assert.Equal(CardText.Time(m.Declared), Row(card.Milestones, "Declared"));
        foreach (var (label, at) in new[] { ("Acknowledged", m.Acknowledged), ("Mitigated", m.Mitigated), ("Resolved", m.Resolved), ("Closed", m.Closed) })
        {
            var row = Row(card.Milestones, label);
            Assert.True(at is null ? row is null : row?.StartsWith(CardText.Time(at.Value) + " · ", StringComparison.Ordinal) == true, $"{label}: card {row}, review {at}");
            if (label != "Closed" || m.Cancelled is null)
            {
                Assert.Contains($"| {label} | {DurationText.Time(at)} |", markdown, StringComparison.Ordinal);
            }
        }

        // The card shows no cancel; review.md shows it where the close would be.
        Assert.True(m.Cancelled is null || markdown.Contains($"| Cancelled | {DurationText.Time(m.Cancelled)} |", StringComparison.Ordinal));

        var resolved = Row(IncidentCardModel.From(state, text).Details, "Resolved");
        Assert.Equal(m.Resolved is { } r ? CardText.Time(r) + " (after " + CardText.Duration(r - m.Declared) + ")" : null, resolved);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void CardsAndReview_SameIncident_AgreeOnSeverityStatusAndRoles(string name)
    {
        var (state, review, markdown) = Replay(name);
        var text = CardText.For(state.Origin.Platform);
        var card = IncidentCardModel.From(state, text);

        Assert.Equal($"SEV{review.Severity}", card.Incident.Severity);
        // review.md leads with the worst the incident got, and says where it ended when that differs.
        Assert.Contains($"| Severity | SEV{review.PeakSeverity} ", markdown, StringComparison.Ordinal);
        Assert.True(review.PeakSeverity == review.Severity || markdown.Contains($"; SEV{review.Severity} at the end", StringComparison.Ordinal));
        Assert.Equal(CardLabels.Status(review.Status), card.Incident.Status);
        Assert.Contains($"| State | {review.Status} |", markdown, StringComparison.Ordinal);
        Assert.Equal(text.User(review.Commander), card.Incident.Commander);
        foreach (var row in card.Roles)
        {
            var holding = review.Roles.LastOrDefault(t => t.To is null && string.Equals(t.Role, row.Role, StringComparison.OrdinalIgnoreCase));
            Assert.Equal(holding is not null, row.Filled);
            Assert.Equal(holding is null ? text.Vacant : text.User(holding.User), row.Holder);
        }

        Assert.Equal(review.Roles.Count(t => t.To is null), state.Roles.Count);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void CardsAndReview_SameIncident_TellOneTimeline(string name)
    {
        var (state, review, markdown) = Replay(name);
        var command = IncidentText.Timeline(Logs[name]());

        Assert.Equal(state.Timeline, review.Timeline);
        Assert.Equal(Logs[name]().Count, review.Timeline.Count);
        foreach (var e in review.Timeline)
        {
            Assert.Contains($"{DurationText.Time(e.At)} · {e.Actor} · {e.Text}", command, StringComparison.Ordinal);
            if (e.Type == "participant_joined" && e.Text == "joined")
            {
                // review.md leaves out someone joining by acting: the line of what they did says it.
                continue;
            }

            Assert.Contains($"- {DurationText.Time(e.At)} — ", markdown, StringComparison.Ordinal);
            Assert.Contains(MarkdownText.Inline(e.Text), markdown, StringComparison.Ordinal);
        }
    }

    private static (Incident State, ReviewModel Review, string Markdown) Replay(string name)
    {
        var events = Logs[name]();
        var review = ReviewModel.From(events);
        return (Incident.Replay(events), review, ReviewWriter.ToMarkdown(review));
    }

    private static string? Row(IReadOnlyList<LabelledText> rows, string label) => rows.SingleOrDefault(r => r.Label == label)?.Text;

    private static Dictionary<string, Func<IReadOnlyList<IncidentEvent>>> AllLogs()
    {
        var logs = new Dictionary<string, Func<IReadOnlyList<IncidentEvent>>>(StringComparer.Ordinal);
        foreach (var platform in new[] { PlatformNames.Teams, PlatformNames.Slack })
        {
            foreach (var (sample, _) in SampleIncidents.Logs(platform))
            {
                logs[$"sample {sample} ({platform})"] = () => SampleIncidents.Logs(platform).Single(l => l.Name == sample).Events;
            }
        }

        foreach (var (script, _) in ScriptedIncidents.All())
        {
            logs[$"script {script}"] = () => ScriptedIncidents.All().Single(s => s.Name == script).Script.Events;
        }

        logs["scenario full incident"] = () => ReplayTests.FullIncident().Events;
        return logs;
    }
}
