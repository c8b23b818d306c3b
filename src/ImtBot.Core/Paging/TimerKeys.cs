namespace ImtBot.Core.Paging;

/// <summary>
/// The timer keys the domain schedules (<c>ScheduleTimer.TimerKey</c>) and receives back (<c>TimerCommand.TimerKey</c>),
/// all per incident:
/// <list type="bullet">
/// <item><c>page:&lt;pageId&gt;</c> — a page's acknowledgement deadline (page ids are <c>p1</c>, <c>p2</c>… per incident).</item>
/// <item><c>reminders</c> — the incident's earliest reminder is due: an empty key role, a missing update, an overdue
/// task (<see cref="ReminderSchedule"/>). Databases written before there was one reminder timer hold timers of one
/// reminder each (<c>reminder:commander</c>, <c>reminder:role:ops</c>, <c>reminder:update</c>,
/// <c>reminder:task:&lt;task id&gt;</c>); they do what <c>reminders</c> does.</item>
/// <item><c>plan:step:&lt;task id&gt;</c> — run a plan task's automatic step (its phase was entered).</item>
/// </list>
/// A timer that finds nothing to do (page answered, role filled, update posted, snoozed, reminder count used up) is
/// accepted with no events and no effects, so a key may safely be scheduled more than once.
/// </summary>
public static class TimerKeys
{
    public const string PagePrefix = "page:";
    public const string ReminderPrefix = "reminder:";

    public static string Page(string pageId) => PagePrefix + pageId;

    public const string Reminders = "reminders";

    public static bool TryParsePage(string key, out string pageId)
    {
        pageId = key.StartsWith(PagePrefix, StringComparison.Ordinal) ? key[PagePrefix.Length..] : "";
        return pageId.Length > 0;
    }

    public const string DrillInjectPrefix = "drill:inject:";

    /// <summary><c>drill:inject:3</c> — a drill's inject 3 is due (it fires only if still due then: a pause moves it).</summary>
    public static string DrillInject(int inject) => DrillInjectPrefix + inject.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static bool TryParseDrillInject(string key, out int inject)
    {
        inject = 0;
        return key.StartsWith(DrillInjectPrefix, StringComparison.Ordinal)
            && int.TryParse(key.AsSpan(DrillInjectPrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out inject);
    }

    public static bool TryParseReminder(string key, out string reminder)
    {
        reminder = key.StartsWith(ReminderPrefix, StringComparison.Ordinal) ? key[ReminderPrefix.Length..] : "";
        return reminder.Length > 0;
    }

    public const string PlanStepPrefix = "plan:step:";

    /// <summary><c>plan:step:page-security</c> — the automatic step of that task is due (it runs only if not tried yet).</summary>
    public static string PlanStep(string taskId) => PlanStepPrefix + taskId;

    public static bool TryParsePlanStep(string key, out string taskId)
    {
        taskId = key.StartsWith(PlanStepPrefix, StringComparison.Ordinal) ? key[PlanStepPrefix.Length..] : "";
        return taskId.Length > 0;
    }
}
