using System.Globalization;
using System.Text;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Drills;

/// <summary>One role one person held in one drill or incident.</summary>
public sealed record TrainingEntry(UserRef Person, string Role, string Incident, bool IsDrill, string? Scenario, DateTimeOffset From, DateTimeOffset? To);

/// <summary>Someone on an on-call list who has not held that role in a drill within the practice interval.</summary>
public sealed record PracticeDue(UserRef Person, string Role, DateTimeOffset? LastPractised);

/// <summary>
/// Training records: per person, the roles held in drills and real incidents with their dates (role tenures from the
/// fold, plus the facilitator of each scripted drill), and who on call is due to practise their role.
/// </summary>
public static class TrainingRecords
{
    public static IReadOnlyList<TrainingEntry> From(IEnumerable<Incident> incidents)
    {
        var entries = new List<TrainingEntry>();
        foreach (var i in incidents)
        {
            var drill = i.Kind == IncidentKind.Drill;
            entries.AddRange(i.Tenures.Select(t => new TrainingEntry(t.User, t.Role, i.Key, drill, i.Scenario, t.From, t.To)));
            if (i.Drill is { } run)
            {
                entries.Add(new TrainingEntry(run.Facilitator, "facilitator", i.Key, true, i.Scenario, run.StartedAt, run.EndedAt));
            }
        }

        return entries.OrderBy(e => e.From).ThenBy(e => e.Incident, StringComparer.Ordinal).ToList();
    }

    /// <summary>Everyone on an on-call list whose last drill in that role is older than <paramref name="every"/> (or who never practised it).</summary>
    public static IReadOnlyList<PracticeDue> Due(
        IReadOnlyList<TrainingEntry> entries, IReadOnlyDictionary<string, IReadOnlyList<UserRef>> onCall, DateTimeOffset now, TimeSpan every)
    {
        var due = new List<PracticeDue>();
        foreach (var (role, people) in onCall.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            foreach (var person in people.Distinct())
            {
                var last = entries.Where(e => e.IsDrill && e.Person.Equals(person) && string.Equals(e.Role, role, StringComparison.OrdinalIgnoreCase))
                    .Select(e => (DateTimeOffset?)e.From).Max();
                if (last is null || now - last.Value > every)
                {
                    due.Add(new PracticeDue(person, role, last));
                }
            }
        }

        return due;
    }

    /// <summary>The answer to <c>training</c> (everyone) or <c>training @user</c>.</summary>
    public static string Text(IReadOnlyList<TrainingEntry> entries, IReadOnlyList<PracticeDue> due, UserRef? who, TimeSpan every)
    {
        var b = new StringBuilder();
        var people = entries.Select(e => e.Person).Where(p => who is null || p.Equals(who)).Distinct().ToList();
        if (who is not null && people.Count == 0)
        {
            b.Append(CultureInfo.InvariantCulture, $"{who} has held no role in a drill or an incident yet. Start a drill with `/incident drill <scenario>`.\n");
        }

        foreach (var person in people)
        {
            var mine = entries.Where(e => e.Person.Equals(person)).ToList();
            b.Append(CultureInfo.InvariantCulture, $"{person}: {mine.Count(e => e.IsDrill)} drill role(s), {mine.Count(e => !e.IsDrill)} incident role(s)\n");
            foreach (var e in mine)
            {
                b.Append(CultureInfo.InvariantCulture, $"  {Date(e.From)} · {e.Role} · {e.Incident}{(e.IsDrill ? $" · DRILL{(e.Scenario is { } s ? " " + s : "")}" : "")}\n");
            }
        }

        var overdue = due.Where(d => who is null || d.Person.Equals(who)).ToList();
        if (overdue.Count > 0)
        {
            b.Append(CultureInfo.InvariantCulture, $"Not practised in a drill within {every.TotalDays:0} days:\n");
            foreach (var d in overdue)
            {
                b.Append(CultureInfo.InvariantCulture, $"  {d.Person} · {d.Role} · last {(d.LastPractised is { } l ? Date(l) : "never")}\n");
            }
        }

        return b.Length == 0 ? "Nobody has held a role in a drill or an incident yet. Start a drill with `/incident drill <scenario>`." : b.ToString().TrimEnd('\n');
    }

    private static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
