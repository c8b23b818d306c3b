using System.Globalization;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;

namespace ImtBot.Core.Drills;

/// <summary>
/// Something the players do that a scenario can wait for (an inject's <c>when</c>) or score (an expected action):
/// <c>commander</c> (someone takes command), <c>role ops</c>, <c>acknowledged</c> (a page answered), <c>update</c>
/// (a stakeholder update), <c>status identified</c> (or investigating, mitigated, resolved), <c>severity 1</c> (or
/// <c>severity</c>: any change), <c>action</c> (a follow-up action added), <c>note</c>, <c>task &lt;id&gt;</c> (that task
/// of the response plan is done).
/// </summary>
public sealed record DrillMilestone(string Kind, string? Value)
{
    public const string Commander = "commander";
    public const string Role = "role";
    public const string Acknowledged = "acknowledged";
    public const string Update = "update";
    public const string Status = "status";
    public const string Severity = "severity";
    public const string Action = "action";
    public const string Note = "note";
    public const string Task = "task";

    /// <summary>What a scenario file may say, for the error message.</summary>
    public const string Forms = "commander, role <name>, acknowledged, update, status <investigating|identified|mitigated|resolved>, severity [1-4], action, note, task <plan task id>";

    private static readonly string[] Statuses = ["investigating", "identified", "mitigated", "resolved"];

    /// <summary>Reads <c>status identified</c>; null with a reason when it is not one of <see cref="Forms"/>.</summary>
    public static DrillMilestone? Parse(string text, out string? problem)
    {
        problem = null;
        var words = text.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var value = words.Length > 1 ? words[1] : null;
        switch (words.FirstOrDefault())
        {
            case Commander or Acknowledged or Update or Action or Note when words.Length == 1:
                return new DrillMilestone(words[0], null);
            case Role when words.Length == 2:
                return new DrillMilestone(Role, value);
            case Status when words.Length == 2 && Statuses.Contains(value):
                return new DrillMilestone(Status, value);
            case Task when words.Length == 2:
                return new DrillMilestone(Task, value);
            case Severity when words.Length == 1 || (words.Length == 2 && value is "1" or "2" or "3" or "4"):
                return new DrillMilestone(Severity, value);
            default:
                problem = $"\"{text}\" is not something a drill can wait for or score; use one of: {Forms}";
                return null;
        }
    }

    /// <summary>The milestones one event reaches, on an incident whose lead role is <paramref name="lead"/>.</summary>
    public static IEnumerable<DrillMilestone> Reached(EventData data, string lead)
    {
        switch (data)
        {
            case RoleAssigned r:
                if (string.Equals(r.Role, lead, StringComparison.OrdinalIgnoreCase))
                {
                    yield return new DrillMilestone(Commander, null);
                }

                yield return new DrillMilestone(Role, r.Role.ToLowerInvariant());
                break;
            case PageAcknowledged:
                yield return new DrillMilestone(Acknowledged, null);
                break;
            case UpdatePosted:
                yield return new DrillMilestone(Update, null);
                break;
            case StatusChanged s when s.To is IncidentStatus.Investigating or IncidentStatus.Identified or IncidentStatus.Mitigated or IncidentStatus.Resolved:
                yield return new DrillMilestone(Status, s.To.ToString().ToLowerInvariant());
                break;
            case SeverityChanged s:
                yield return new DrillMilestone(Severity, s.To.ToString(CultureInfo.InvariantCulture));
                break;
            case ActionAdded:
                yield return new DrillMilestone(Action, null);
                break;
            case NoteAdded:
                yield return new DrillMilestone(Note, null);
                break;
            case PlanTaskDone t:
                yield return new DrillMilestone(Task, t.TaskId.ToLowerInvariant());
                break;
        }
    }

    /// <summary>Whether reaching <paramref name="reached"/> satisfies this milestone (<c>severity</c> alone: any change).</summary>
    public bool IsMetBy(DrillMilestone reached) =>
        Kind == reached.Kind && (Value is null || string.Equals(Value, reached.Value, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Value is null ? Kind : Kind + " " + Value;
}
