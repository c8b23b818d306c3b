using CsCheck;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;
using ImtBot.Core.Reviews;
using static ImtBot.Core.Tests.Reviews.IncidentScript;
using static ImtBot.Core.Tests.Reviews.ScriptedIncidents;

namespace ImtBot.Core.Tests.Reviews;

/// <summary>Any log that starts with a declaration gives a complete review, whatever order or mix of events follows.</summary>
public class ReviewPropertyTests
{
    private static readonly UserRef[] People = [Alice, Bob, Carol, UserRef.System];
    private static readonly string[] RoleNames = ["commander", "comms", "ops", "Commander"];
    private static readonly IncidentStatus[] Statuses = Enum.GetValues<IncidentStatus>();

    private static readonly Gen<(int Kind, int A, int B, int Minutes)> Step = Gen.Select(Gen.Int[0, 16], Gen.Int[0, 6], Gen.Int[1, 4], Gen.Int[-30, 240]);

    private static readonly Gen<IReadOnlyList<IncidentEvent>> Logs = Gen.Select(Gen.Int[1, 4], Gen.Bool, Step.Array[0, 40], (severity, drill, steps) =>
    {
        var script = new IncidentScript(1, Start).Declare(Alice, "random", severity, drill ? IncidentKind.Drill : IncidentKind.Normal);
        foreach (var (kind, a, b, minutes) in steps)
        {
            var who = People[a % People.Length];
            script.At(TimeSpan.FromMinutes(minutes), who, Data(kind, a, b, who));
        }

        return script.Events;
    });

    private static EventData Data(int kind, int a, int b, UserRef who) => kind switch
    {
        0 => new StatusChanged(Statuses[a % Statuses.Length], Statuses[b % Statuses.Length], a % 2 == 0 ? null : "why"),
        1 => new SeverityChanged(b, 5 - b, "reason", Policy(5 - b)),
        2 => new RoleAssigned(RoleNames[a % RoleNames.Length], who),
        3 => new RoleReleased(RoleNames[a % RoleNames.Length], who, null),
        4 => new PageSent($"p{b}", who, a % 2 == 0 ? "ops" : null, null, Start, b),
        5 => new PageAcknowledged($"p{b}"),
        6 => new PageDeclined($"p{b}"),
        7 => new PageExpired($"p{a}"),
        8 => new UpdatePosted("update | *text*\n# heading"),
        9 => new NoteAdded("note"),
        10 => new ActionAdded(b, "action", a % 2 == 0 ? who : null, a % 3 == 0 ? new DateOnly(2026, 12, b) : null),
        11 => new ActionCompleted(a),
        12 => new HandoverRequested(who, People[b % People.Length], "summary", a % 2 == 0),
        13 => new ParticipantJoined(People[b % People.Length]),
        14 => new MessageCaptured("slack", $"m{a}", who, Start.AddMinutes(b), "pinned"),
        15 => new ReminderSent("update", a % 2 == 0 ? who : null, "remember"),
        _ => new OnCallListSet("ops", [who]),
    };

    [Fact]
    public void ToMarkdown_RandomLogs_EverySectionAndNoNegativeDurations() => Logs.Sample(events =>
    {
        var review = ReviewModel.From(events);
        var markdown = ReviewWriter.ToMarkdown(review);

        foreach (var heading in new[] { "Summary", "Impact", "Milestones and durations", "Responders and roles", "Stakeholder updates", "Timeline",
                     "Process adherence", "Action items", "What went well", "What could be better", "Contributing factors", "Audit" })
        {
            Assert.Contains($"\n## {heading}\n", markdown);
        }

        Assert.True(review.Audit.Valid);
        Assert.Equal(events.Count, review.Timeline.Count);
        Assert.True(review.Adherence.WithoutCommander >= TimeSpan.Zero);
        Assert.All(review.Adherence.UpdateGaps, g => Assert.True(g.Length >= TimeSpan.Zero));
        Assert.All(review.Adherence.KeyRoles, v => Assert.True(v.Empty >= TimeSpan.Zero));
    }, iter: 500);

    [Fact]
    public void Compute_RandomLogs_CountsEveryNonDrill() => Logs.Array[0, 12].Sample(logs =>
    {
        var report = IncidentMetrics.Compute(logs);

        Assert.Equal(logs.Count(l => ((IncidentDeclared)l[0].Data).Kind == IncidentKind.Normal), report.All.Incidents);
        Assert.Equal(report.All.Incidents, report.BySeverity.Sum(r => r.Incidents));
        Assert.Equal(logs.Length - report.All.Incidents, report.DrillsExcluded);
    }, iter: 100);
}
