using ImtBot.Core.Incidents;

namespace ImtBot.Core.Paging;

/// <summary>
/// Reminder names, as recorded in <c>ReminderSent</c>/<c>ReminderSnoozed</c> and typed after <c>snooze</c>:
/// <c>commander</c>, <c>role:&lt;role&gt;</c>, <c>update</c>, and <c>actions</c> (unowned action items at close; not timed).
/// </summary>
public static class ReminderNames
{
    public const string Commander = "commander";
    public const string Update = "update";
    public const string Actions = "actions";
    public const string RolePrefix = "role:";

    /// <summary>The role whose holder gets the update reminder before the commander.</summary>
    public const string CommsRole = "comms";

    /// <summary>The reminder about an empty key role: <c>commander</c> for the lead, else <c>role:&lt;role&gt;</c>.</summary>
    public static string ForRole(Incident state, string role) =>
        string.Equals(role, state.Lead, StringComparison.OrdinalIgnoreCase) ? Commander : RolePrefix + role.ToLowerInvariant();

    /// <summary>The role a reminder is about (the lead for <c>commander</c>), or null for <c>update</c>.</summary>
    public static string? RoleOf(Incident state, string reminder) =>
        reminder == Commander ? state.Lead
        : reminder.StartsWith(RolePrefix, StringComparison.Ordinal) ? reminder[RolePrefix.Length..]
        : null;

    /// <summary>
    /// The reminders a typed <c>snooze</c> name means: <c>commander</c>/<c>lead</c>, <c>update</c>/<c>updates</c>,
    /// <c>roles</c> (every key role but the lead), a key role name (<c>ops</c>), <c>role:ops</c> or a timer key
    /// (<c>reminder:update</c>). Empty when the name means nothing.
    /// </summary>
    public static IReadOnlyList<string> Resolve(Incident state, string typed)
    {
        var name = typed.Trim().ToLowerInvariant();
        if (name.StartsWith(TimerKeys.ReminderPrefix, StringComparison.Ordinal))
        {
            name = name[TimerKeys.ReminderPrefix.Length..];
        }

        if (name.StartsWith(RolePrefix, StringComparison.Ordinal))
        {
            name = name[RolePrefix.Length..];
        }

        var others = state.KeyRoles.Where(r => !string.Equals(r, state.Lead, StringComparison.OrdinalIgnoreCase)).ToArray();
        return name switch
        {
            Commander or "lead" => [Commander],
            Update or "updates" => [Update],
            "roles" => others.Select(r => ForRole(state, r)).ToArray(),
            _ when string.Equals(name, state.Lead, StringComparison.OrdinalIgnoreCase) => [Commander],
            _ when others.Contains(name, StringComparer.OrdinalIgnoreCase) => [ForRole(state, name)],
            _ => Plans.PlanReminders.Resolve(state, name),
        };
    }

    /// <summary>What to type after <c>snooze</c> for a reminder: <c>commander</c>, <c>update</c>, <c>ops</c>.</summary>
    public static string SnoozeWord(string reminder) =>
        reminder.StartsWith(RolePrefix, StringComparison.Ordinal) ? reminder[RolePrefix.Length..] : reminder;
}
