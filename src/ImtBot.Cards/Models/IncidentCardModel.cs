using ImtBot.Core.Incidents;

namespace ImtBot.Cards.Models;

/// <summary>
/// The incident card (<c>incident.json</c>): state, roles with holders, the latest update and the next steps.
/// <see cref="Notice"/> is a platform's note under the card; <see cref="Marker"/> is the id of an invisible element that
/// tells this incident's card apart from every other post (Teams finds a card it posted without learning its id by it).
/// </summary>
public sealed record IncidentCardModel(
    IncidentSummary Incident,
    string Text,
    string Summary,
    bool HasSummary,
    IReadOnlyList<LabelledText> Details,
    IReadOnlyList<RoleRow> Roles,
    int VacantRoles,
    bool HasUpdate,
    string UpdateText,
    string UpdateMeta,
    IReadOnlyList<string> Pages,
    bool HasPages,
    bool CanUpdate,
    string UpdateCommand,
    IReadOnlyList<CardAction> Actions,
    string Footer,
    bool HasNotice,
    string Notice,
    string Marker)
{
    /// <summary>The most of a summary the card shows.</summary>
    private const int SummaryMax = 2000;

    /// <summary>One line per regulatory clock: the deadline in UTC and the time left (empty when no regime is on record).</summary>
    public IReadOnlyList<string> Clocks { get; init; } = [];

    public bool HasClocks => Clocks.Count > 0;

    /// <param name="now">For the time left on regulatory clocks; the last event's time when not given.</param>
    public static IncidentCardModel From(Incident incident, CardText text, string? notice = null, DateTimeOffset? now = null) =>
        FromIncident(incident, text, notice) with { Clocks = ComplianceClockLines.Of(incident, text, now ?? incident.LastEventAt) };

    private static IncidentCardModel FromIncident(Incident incident, CardText text, string? notice)
    {
        var summary = IncidentSummary.From(incident, text);
        var roles = RoleRows(incident, text);
        var last = incident.Updates.Count > 0 ? incident.Updates[^1] : null;
        var details = new List<LabelledText>
        {
            new("Severity", summary.SeverityText),
            new("Status", summary.Status),
            new("Kind", summary.Kind),
            new("Declared", CardText.Time(incident.DeclaredAt) + " by " + text.User(incident.DeclaredBy)),
        };
        if (incident.ResolvedAt is { } resolved)
        {
            details.Add(new("Resolved", CardText.Time(resolved) + " (after " + CardText.Duration(resolved - incident.DeclaredAt) + ")"));
        }

        if (ImtBot.Core.Plans.PlanText.Progress(incident, incident.LastChangedAt) is { } progress)
        {
            details.Add(new("Plan", progress));
        }

        var pages = incident.Pages
            .Where(p => p.Status == PageStatus.Paged)
            .Select(p => "Paging " + text.User(p.To) + (p.Role is null ? "" : " for " + CardLabels.Role(p.Role)) + ", answer by " + CardText.ShortTime(p.Deadline))
            .ToList();
        var vacant = roles.Count(r => !r.Filled);
        return new IncidentCardModel(
            summary,
            summary.Key + " " + summary.Severity + " · " + summary.Status + ": " + text.Markup(incident.Title, 300),
            text.Markup(incident.Summary, SummaryMax),
            !string.IsNullOrWhiteSpace(incident.Summary),
            details,
            roles,
            vacant,
            last is not null,
            last is null ? "" : text.Markup(last.Text, 2000),
            last is null ? "" : "Latest update, " + CardText.Time(last.At) + " by " + text.User(last.By),
            pages,
            pages.Count > 0,
            !incident.IsFinal && incident.Status != IncidentStatus.Resolved,
            "update " + incident.Key,
            NextSteps(incident),
            summary.Key + " · " + (vacant == 0 ? "all roles filled" : vacant + (vacant == 1 ? " role" : " roles") + " unassigned") + " · /incident help",
            !string.IsNullOrWhiteSpace(notice),
            text.Markup(notice, 500),
            MarkerFor(incident.Number)) { Alerts = AlertRows.From(incident, text) };
    }

    /// <summary>The alerts monitoring sent into the incident, firing ones first (<see cref="AlertRows"/>).</summary>
    public IReadOnlyList<string> Alerts { get; init; } = [];

    /// <summary>The id of the invisible element on incident <paramref name="number"/>'s card.</summary>
    public static string MarkerFor(int number) => "imtbot-incident-card-" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The card with <paramref name="summary"/> shown as the incident's summary.</summary>
    public IncidentCardModel WithSummary(string? summary, CardText text) =>
        this with { Summary = text.Markup(summary, SummaryMax), HasSummary = !string.IsNullOrWhiteSpace(summary) };

    /// <summary>The roles, lead first; a vacant role is highlighted. Slack sections hold at most 10 fields.</summary>
    public static IReadOnlyList<RoleRow> RoleRows(Incident incident, CardText text)
    {
        var names = incident.RoleNames.Count > 0 ? incident.RoleNames : [incident.Lead];
        return names.Take(10).Select(role => incident.Roles.TryGetValue(role, out var holder)
                ? new RoleRow(role, CardLabels.Role(role), text.User(holder.User), true, "Default")
                : new RoleRow(role, CardLabels.Role(role), text.Vacant, false, "Attention"))
            .ToList();
    }

    /// <summary>The buttons that fit the state: take command when nobody leads, then the lifecycle's next moves.</summary>
    public static IReadOnlyList<CardAction> NextSteps(Incident incident)
    {
        var key = incident.Key;
        var actions = new List<CardAction>();
        if (!incident.IsFinal && incident.Status != IncidentStatus.Resolved && incident.Commander is null)
        {
            actions.Add(CardAction.Of("Take command", $"role {key} {incident.Lead} me", "positive"));
        }

        switch (incident.Status)
        {
            case IncidentStatus.Declared:
                actions.Add(CardAction.Of("Mark investigating", "investigating " + key));
                break;
            case IncidentStatus.Investigating:
                actions.Add(CardAction.Of("Mark identified", "identified " + key));
                actions.Add(CardAction.Of("Mark mitigated", "mitigated " + key));
                break;
            case IncidentStatus.Identified:
                actions.Add(CardAction.Of("Mark mitigated", "mitigated " + key));
                break;
            case IncidentStatus.Mitigated:
                actions.Add(CardAction.Of("Mark resolved", "resolved " + key, "positive"));
                break;
            case IncidentStatus.Resolved:
                actions.Add(CardAction.Of("Close and write review", "close " + key, "positive"));
                actions.Add(CardAction.Of("Reopen", "reopen " + key));
                break;
            case IncidentStatus.Closed:
                actions.Add(CardAction.Of("Review", "review " + key));
                break;
        }

        actions.Add(CardAction.Of("Timeline", "timeline " + key));
        return actions;
    }
}
