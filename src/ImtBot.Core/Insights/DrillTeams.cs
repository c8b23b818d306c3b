using ImtBot.Core.Incidents;

namespace ImtBot.Core.Insights;

/// <summary>The scores of the drills a team took part in, oldest first, and their average.</summary>
public sealed record TeamScores(string Team, IReadOnlyList<DrillResult> Runs)
{
    public int Average => Runs.Count == 0 ? 0 : (int)Math.Round(Runs.Average(r => r.Percent), MidpointRounding.AwayFromZero);
}

/// <summary>
/// Drill score trends per team. A team is a name and its members' user ids (<c>Drills:Teams</c>); a drill counts for a
/// team when one of its members held a role in it (the facilitator runs the drill and does not count). Every configured
/// team is listed, with no runs when it has not drilled yet: an empty trend is what a facilitator needs to see.
/// </summary>
public static class DrillTeams
{
    public static IReadOnlyList<TeamScores> Trends(IEnumerable<(Incident Incident, DrillResult Result)> runs, IReadOnlyDictionary<string, IReadOnlySet<string>>? teams)
    {
        if (teams is null || teams.Count == 0)
        {
            return [];
        }

        var list = runs.ToList();
        return teams.OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new TeamScores(
                t.Key,
                list.Where(r => Members(r.Incident).Any(t.Value.Contains)).Select(r => r.Result).OrderBy(r => r.StartedAt).ToList()))
            .ToList();
    }

    /// <summary>The user ids of everyone who held a role in the incident.</summary>
    public static IEnumerable<string> Members(Incident incident) => incident.Tenures.Select(t => t.User.Id).Distinct(StringComparer.Ordinal);
}
