using System.Globalization;
using System.Text;
using ImtBot.Core.Incidents;
using ImtBot.Core.Paging;
using ImtBot.Core.Reviews;

namespace ImtBot.Core.Schedules;

/// <summary>
/// The weekly digest of open follow-up actions for the announcements channel: overdue ones first (with how many days
/// overdue), then the rest, each with its incident, owner and due date. User text is Markdown-escaped. A private
/// incident shows only its number and how many of its actions are open and overdue, as its announcements do.
/// Nothing is posted when nothing is open: a weekly "nothing to report" in a shared channel teaches people to skip the
/// digest, and the week it matters it must be read.
/// </summary>
public static class FollowUpDigest
{
    /// <summary>The most action lines one digest shows (the rest are counted, and <c>actions</c> lists them).</summary>
    public const int MaxLines = 40;

    /// <summary>The digest text, or null when no incident has an open action.</summary>
    public static string? Text(IEnumerable<Incident> incidents, DateTimeOffset now)
    {
        var open = incidents
            .SelectMany(i => i.Actions.Where(a => a.IsOpen).Select(a => (Incident: i, Action: a)))
            .OrderByDescending(x => ActionReminders.IsOverdue(x.Action, now))
            .ThenBy(x => x.Action.Due ?? DateOnly.MaxValue)
            .ThenBy(x => x.Incident.Number)
            .ThenBy(x => x.Action.Id)
            .ToList();
        if (open.Count == 0)
        {
            return null;
        }

        var overdue = open.Count(x => ActionReminders.IsOverdue(x.Action, now));
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"**Weekly follow-up digest** ({today:yyyy-MM-dd}): {open.Count} open follow-up action(s), {overdue} overdue.\n");

        var shown = 0;
        foreach (var (incident, action) in open.Where(x => !x.Incident.Private))
        {
            if (shown++ == MaxLines)
            {
                break;
            }

            b.Append("- ").Append(incident.Key);
            if (incident.Kind == IncidentKind.Drill)
            {
                b.Append(" (drill)");
            }

            b.Append(' ').Append(MarkdownText.Inline(incident.Title)).Append(" · #")
                .Append(action.Id.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(MarkdownText.Inline(action.Text)).Append(" · ")
                .Append(action.Owner is { } owner ? MarkdownText.Inline(owner.ToString()) : "**no owner**")
                .Append(" · ").Append(Due(action, now, today)).Append('\n');
        }

        var hidden = open.Count(x => !x.Incident.Private) - Math.Min(shown, MaxLines);
        if (hidden > 0)
        {
            b.Append(CultureInfo.InvariantCulture, $"…and {hidden} more: `/incident actions` lists them all.\n");
        }

        foreach (var group in open.Where(x => x.Incident.Private).GroupBy(x => x.Incident.Number).OrderBy(g => g.Key))
        {
            var late = group.Count(x => ActionReminders.IsOverdue(x.Action, now));
            b.Append(CultureInfo.InvariantCulture, $"- {group.First().Incident.Key}: a private incident with {group.Count()} open follow-up action(s), {late} overdue. Only its participants can see the details.\n");
        }

        return b.Append("Mark one done with `/incident action INC-<n> done <#>`; see yours with `/incident actions me`.").ToString();
    }

    private static string Due(ActionItem action, DateTimeOffset now, DateOnly today)
    {
        if (action.Due is not { } due)
        {
            return "no due date";
        }

        var text = "due " + due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return ActionReminders.IsOverdue(action, now)
            ? text + string.Create(CultureInfo.InvariantCulture, $" (**{today.DayNumber - due.DayNumber} day(s) overdue**)")
            : text;
    }
}
