using ImtBot.Core.Incidents;

namespace ImtBot.Core.Paging;

/// <summary>
/// Walks a role's on-call list, as snapshotted into the incident: after the person paged comes the next one on the
/// list (the first, when the person paged is not on it); after the last, the list starts again from the top in the
/// next round, for at most <see cref="Incident.PageRounds"/> rounds in all (rounds count from 1).
/// </summary>
public static class Escalation
{
    /// <summary>The step after <paramref name="page"/>, or null when the page has no role or the role has no on-call list.</summary>
    public static EscalationStep? After(Incident state, Page page) =>
        page.Role is null || !state.OnCallLists.TryGetValue(page.Role, out var list) ? null : After(list, state.PageRounds, page);

    /// <summary>The step after <paramref name="page"/> down <paramref name="list"/> (an alert page's list), or null when the list is empty.</summary>
    public static EscalationStep? After(IReadOnlyList<Platforms.UserRef> list, int rounds, Page page)
    {
        if (list.Count == 0)
        {
            return null;
        }

        var next = IndexOf(list, page) + 1;
        if (next < list.Count)
        {
            return new EscalationStep(list[next], page.Round, StartedAgain: false, GaveUp: false);
        }

        return page.Round < rounds
            ? new EscalationStep(list[0], page.Round + 1, StartedAgain: true, GaveUp: false)
            : new EscalationStep(null, page.Round, StartedAgain: false, GaveUp: true);
    }

    private static int IndexOf(IReadOnlyList<Platforms.UserRef> list, Page page)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Equals(page.To))
            {
                return i;
            }
        }

        return -1;
    }
}
