using ImtBot.Core.Incidents;

namespace ImtBot.Cards.Models;

/// <summary>
/// Asks who should hold a role (<c>role.json</c>). Teams: an <c>Input.ChoiceSet</c> with id <c>user</c>, so the adapter
/// sends <c>role INC-42 ops &lt;@id&gt;</c>; Slack: a <c>users_select</c> whose <c>action_id</c> is that command prefix.
/// </summary>
public sealed record RoleAssignmentCardModel(
    IncidentSummary Incident,
    string Text,
    string Role,
    string RoleLabel,
    string Question,
    string Holder,
    bool Filled,
    IReadOnlyList<ChoiceRow> Candidates,
    bool HasCandidates,
    bool DirectorySearch,
    string AssignCommand,
    IReadOnlyList<CardAction> Actions)
{
    public static RoleAssignmentCardModel From(IncidentState incident, string role, CardText text, bool directorySearch)
    {
        var summary = IncidentSummary.From(incident, text);
        var label = CardLabels.Role(role);
        var held = incident.Roles.TryGetValue(role, out var holder);
        var question = "Who should be the " + label + " of " + incident.Key + "?";
        var candidates = incident.Participants
            .Concat(incident.Roles.Values.Select(h => h.User))
            .Where(u => u.Platform == incident.Origin.Platform)
            .DistinctBy(u => u.Id)
            .Take(50)
            .Select(u => new ChoiceRow(text.Plain(u.DisplayName, 75), u.Id))
            .ToList();
        return new RoleAssignmentCardModel(
            summary,
            question + " " + summary.Severity + ": " + text.Markup(incident.Title, 300),
            role,
            label,
            question,
            held ? text.User(holder!.User) : text.Vacant,
            held,
            candidates,
            candidates.Count > 0,
            directorySearch,
            $"role {incident.Key} {role}",
            [CardAction.Of("I'll take it", $"role {incident.Key} {role} me", "positive")]);
    }
}
