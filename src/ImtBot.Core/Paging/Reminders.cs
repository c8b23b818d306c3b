using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Paging;

/// <summary>
/// When a reminder is due and to whom. A reminder is due at the latest of: when its condition started plus its delay
/// (the role empty since declaration or its last release, plus <c>CommanderReminder</c>/<c>RoleReminder</c>; the last
/// update or the declaration plus <c>UpdateCadence</c>), the last time it was sent plus the delay, the end of its
/// snooze, and — after a reopen — the reopen plus the delay (reminders start again from the reopen, as from a
/// declaration). The incident's one reminder timer is armed at the earliest of them (<see cref="ReminderSchedule"/>).
/// </summary>
public static class Reminders
{
    /// <summary>The delay (and repeat interval) of a reminder from the incident's policy, or null when it is off.</summary>
    public static TimeSpan? Interval(Incident state, string reminder) => reminder switch
    {
        ReminderNames.Commander => state.Policy.CommanderReminder,
        ReminderNames.Update => state.Policy.UpdateCadence,
        _ when reminder.StartsWith(ReminderNames.RolePrefix, StringComparison.Ordinal) => state.Policy.RoleReminder,
        _ => null,
    };

    /// <summary>When the condition the reminder is about started: the role became empty, or the last update.</summary>
    public static DateTimeOffset Since(Incident state, string reminder)
    {
        if (reminder == ReminderNames.Update)
        {
            return state.LastUpdateAt ?? state.DeclaredAt;
        }

        var role = ReminderNames.RoleOf(state, reminder);
        return role is not null && state.VacantSince.TryGetValue(role, out var since) ? since : state.DeclaredAt;
    }

    /// <summary>True while the reminder's condition holds: the incident is active and the role is empty (updates: always).</summary>
    public static bool Applies(Incident state, string reminder)
    {
        if (!state.IsActive || Interval(state, reminder) is null)
        {
            return false;
        }

        var role = ReminderNames.RoleOf(state, reminder);
        return role is null || (state.KeyRoles.Contains(role, StringComparer.OrdinalIgnoreCase) && state.Holder(role) is null);
    }

    /// <summary>How many times it was sent since its condition last started.</summary>
    public static int Count(Incident state, string reminder) => state.ReminderCount.GetValueOrDefault(reminder);

    /// <summary>The earliest time the reminder may be sent again, or null when it is off.</summary>
    public static DateTimeOffset? NextDue(Incident state, string reminder)
    {
        if (Interval(state, reminder) is not { } interval)
        {
            return null;
        }

        var due = Since(state, reminder) + interval;
        if (Count(state, reminder) > 0 && state.ReminderLastSent.TryGetValue(reminder, out var last) && last + interval > due)
        {
            due = last + interval;
        }

        if (state.SnoozedUntil.TryGetValue(reminder, out var until) && until > due)
        {
            due = until;
        }

        if (state.ReopenedAt is { } reopened && reopened + interval > due)
        {
            due = reopened + interval;
        }

        return due;
    }

    /// <summary>Who is reminded: the declarer about a missing commander; the commander (else the declarer) about an
    /// empty role; the comms lead, else the commander, else the declarer, about a missing update.</summary>
    public static UserRef Recipient(Incident state, string reminder) => reminder switch
    {
        ReminderNames.Commander => state.DeclaredBy,
        ReminderNames.Update => state.Holder(ReminderNames.CommsRole) ?? state.Commander ?? state.DeclaredBy,
        _ => state.Commander ?? state.DeclaredBy,
    };
}
