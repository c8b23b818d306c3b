using ImtBot.Core.Incidents;

namespace ImtBot.Cards.Models;

/// <summary>The review summary (<c>review.json</c>): milestones, durations, responders and follow-up actions.</summary>
public sealed record ReviewCardModel(
    IncidentSummary Incident,
    string Text,
    IReadOnlyList<LabelledText> Milestones,
    IReadOnlyList<LabelledText> Numbers,
    IReadOnlyList<RoleRow> Roles,
    IReadOnlyList<ActionItemRow> ActionItems,
    bool HasActionItems,
    IReadOnlyList<CardAction> Actions)
{
    /// <summary>The "Write the review" form, pre-filled with what is recorded.</summary>
    public ReviewFormModel? Form { get; init; }

    public static ReviewCardModel From(Incident incident, CardText text)
    {
        var summary = IncidentSummary.From(incident, text);
        var declared = incident.DeclaredAt;
        var milestones = new List<LabelledText> { new("Declared", CardText.Time(declared)) };
        void Add(string label, DateTimeOffset? at, string durationLabel)
        {
            if (at is { } t)
            {
                milestones.Add(new(label, CardText.Time(t) + " · " + durationLabel + " " + CardText.Duration(t - declared)));
            }
        }

        Add("Acknowledged", incident.AcknowledgedAt, "time to acknowledge");
        Add("Mitigated", incident.MitigatedAt, "time to mitigate");
        Add("Resolved", incident.ResolvedAt, "time to resolve");
        Add("Closed", incident.ClosedAt, "open for");

        var numbers = new List<LabelledText>
        {
            new("Responders", (incident.Participants.Count == 0 ? incident.Roles.Count : incident.Participants.Count).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Updates", incident.Updates.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Pages", Core.Reviews.PageTally.Of(incident.Pages.Select(p => p.Status)).ToString()),
            new("Review", (incident.PeakPolicy.ReviewRequired ? "required" : "optional") + " (SEV" + incident.PeakSeverity.ToString(System.Globalization.CultureInfo.InvariantCulture) + " at its peak)"),
        };
        var items = incident.Actions.Take(20).Select(a => new ActionItemRow(
                text.Markup(a.Text, 500),
                (a.Owner is null ? "no owner" : text.User(a.Owner)) + (a.Due is { } due ? ", due " + due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : ""),
                a.Done,
                a.Done ? "✅" : a.CancelledAt is not null ? "✖️" : "⬜"))
            .ToList();
        return new ReviewCardModel(
            summary,
            "Review of " + incident.Key + " (" + summary.Severity + "): " + text.Markup(incident.Title, 300),
            milestones,
            numbers,
            IncidentCardModel.RoleRows(incident, text),
            items,
            items.Count > 0,
            [CardAction.Of("Full review", "review " + incident.Key, "positive"), CardAction.Of("Timeline", "timeline " + incident.Key)])
        {
            Form = ReviewFormModel.From(incident, text),
        };
    }
}
