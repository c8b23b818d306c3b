using System.Text;
using ImtBot.Core.Commands;
using ImtBot.Core.Paging;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Incidents;

/// <summary><c>actions [@user|me|overdue]</c>: the open follow-ups across every incident, so none falls through the cracks.</summary>
public sealed partial class IncidentService
{
    /// <summary>The most lines <c>actions</c> answers with (the rest are counted).</summary>
    private const int MaxActionLines = 50;

    private string ListActions(ActionsCommand command, UserRef actor)
    {
        var now = time.GetUtcNow();
        var owner = command.Owner is null ? null : IncidentDecider.Resolve(command.Owner, actor);
        var open = OpenActions(now)
            .Where(x => !HiddenFrom(x.Incident, actor))
            .Where(x => owner is null || owner.Equals(x.Action.Owner))
            .Where(x => !command.OverdueOnly || ActionReminders.IsOverdue(x.Action, now))
            .ToList();
        var whose = owner is null ? "" : $" of {owner}";
        if (open.Count == 0)
        {
            return command.OverdueOnly ? $"No overdue follow-up actions{whose}." : $"No open follow-up actions{whose}.";
        }

        var text = new StringBuilder();
        text.Append(command.OverdueOnly ? "Overdue" : "Open").Append(" follow-up actions").Append(whose).Append(" (").Append(open.Count).Append("):\n");
        foreach (var (incident, a) in open.Take(MaxActionLines))
        {
            text.Append(incident).Append(" #").Append(a.Id).Append(" · ").Append(a.Text).Append(" · ")
                .Append(a.Owner?.ToString() ?? "no owner")
                .Append(a.Due is { } due ? " · due " + IncidentText.Date(due) + (ActionReminders.IsOverdue(a, now) ? " (overdue)" : "") : "")
                .Append('\n');
        }

        if (open.Count > MaxActionLines)
        {
            text.Append("…and ").Append(open.Count - MaxActionLines).Append(" more; narrow with `/incident actions @user` or `overdue`.\n");
        }

        return text.Append("Mark one done with `/incident action INC-<n> done <#>`.").ToString();
    }

    /// <summary>Every open action of every incident, overdue first, then by due date and incident.</summary>
    private IEnumerable<(string Incident, ActionItem Action)> OpenActions(DateTimeOffset now) =>
        store.ListIncidents(openOnly: false)
            .Select(s => Get(s.Number))
            .OfType<Incident>()
            .SelectMany(i => i.Actions.Where(a => a.IsOpen).Select(a => (i.Key, Number: i.Number, Action: a)))
            .OrderByDescending(x => ActionReminders.IsOverdue(x.Action, now))
            .ThenBy(x => x.Action.Due ?? DateOnly.MaxValue)
            .ThenBy(x => x.Number)
            .ThenBy(x => x.Action.Id)
            .Select(x => (x.Key, x.Action));
}
