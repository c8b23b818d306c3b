using System.Globalization;
using ImtBot.Core.Incidents;

namespace ImtBot.Core.Paging;

/// <summary>
/// The overdue reminder of a follow-up action: timer <c>action:&lt;n&gt;</c>, reminder name <c>action:&lt;n&gt;</c>, typed
/// after <c>snooze</c> as <c>action-&lt;n&gt;</c>. An owned action with a due date is overdue from 09:00 UTC the day after
/// it was due; its owner is reminded by direct message then and once a day after, at most <c>MaxReminders</c> times.
/// </summary>
public static class ActionReminders
{
    public const string Prefix = "action:";
    private const string SnoozePrefix = "action-";

    /// <summary>How often an overdue action is reminded again.</summary>
    public static TimeSpan Interval { get; } = TimeSpan.FromDays(1);

    public static string TimerKey(int actionId) => Prefix + actionId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The reminder's name in <c>ReminderSent</c>/<c>ReminderSnoozed</c> (the same text as the timer key).</summary>
    public static string Name(int actionId) => TimerKey(actionId);

    public static string SnoozeWord(int actionId) => SnoozePrefix + actionId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The first moment an action due on <paramref name="due"/> counts as overdue: 09:00 UTC the next day.</summary>
    public static DateTimeOffset OverdueAt(DateOnly due) => new(due.AddDays(1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    public static bool IsOverdue(ActionItem action, DateTimeOffset now) => action.IsOpen && action.Due is { } due && now >= OverdueAt(due);

    public static bool TryParseTimer(string key, out int actionId) => TryNumber(key, Prefix, out actionId);

    /// <summary>True when <paramref name="typed"/> (after <c>snooze</c>) names an action's reminder: <c>action-3</c>.</summary>
    public static bool TryParseSnooze(string typed, out int actionId) => TryNumber(typed.Trim().ToLowerInvariant(), SnoozePrefix, out actionId);

    private static bool TryNumber(string text, string prefix, out int number)
    {
        number = 0;
        return text.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out number)
            && number > 0;
    }
}
