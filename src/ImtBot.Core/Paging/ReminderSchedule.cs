using ImtBot.Core.Incidents;
using ImtBot.Core.Plans;

namespace ImtBot.Core.Paging;

/// <summary>
/// Every reminder an incident will send if nothing changes, and when each is due: an empty key role, a missing update,
/// an overdue plan task. An incident has one reminder timer (<see cref="TimerKeys.Reminders"/>), armed at the earliest
/// of these; when it fires, every reminder due by then is sent, and the timer is armed again at the next earliest.
/// One timer instead of one per reminder: a declaration writes one timer step, not nine (commander, two roles, update,
/// five plan tasks), and an update that moves the update reminder later writes none.
/// <para>
/// Due times depend on the incident's state alone, never on the clock, so the same state always gives the same
/// schedule: a commit that moves the earliest due time arms the timer at the new one, and a timer that finds nothing
/// due (its reminder was answered, snoozed or moved) does nothing, because the commit that moved it armed the next.
/// </para>
/// </summary>
public static class ReminderSchedule
{
    /// <summary>The reminders that will be sent if nothing changes, each with when it is due.</summary>
    public static IEnumerable<(string Name, DateTimeOffset Due)> Pending(Incident state, int maxReminders)
    {
        foreach (var name in state.KeyRoles.Select(role => ReminderNames.ForRole(state, role)).Append(ReminderNames.Update))
        {
            if (Reminders.Applies(state, name) && Reminders.Count(state, name) < maxReminders && Reminders.NextDue(state, name) is { } due)
            {
                yield return (name, due);
            }
        }

        if (state.IsFinal)
        {
            yield break;
        }

        foreach (var task in state.Tasks)
        {
            var name = PlanReminders.Name(task.Task.Id);
            if (task.IsOpen && Reminders.Count(state, name) < maxReminders && PlanReminders.NextDue(state, task) is { } due)
            {
                yield return (name, due);
            }
        }
    }

    /// <summary>When the first of them is due; null when no reminder is pending.</summary>
    public static DateTimeOffset? Earliest(Incident? state, int maxReminders)
    {
        if (state is null || state.Number == 0)
        {
            return null;
        }

        DateTimeOffset? earliest = null;
        foreach (var (_, due) in Pending(state, maxReminders))
        {
            if (earliest is null || due < earliest)
            {
                earliest = due;
            }
        }

        return earliest;
    }
}
