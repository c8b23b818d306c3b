using System.Globalization;
using System.Text;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Drills;

/// <summary>
/// The direct message that tells someone on an on-call list they have not practised their role(s) in a drill within
/// <c>Drills:PracticeEvery</c>: one message per person naming every role due, so nobody gets one per list.
/// </summary>
public static class PracticeReminder
{
    /// <summary>Each person due with their message, in a stable order.</summary>
    public static IReadOnlyList<(UserRef Person, string Text)> Messages(IReadOnlyList<PracticeDue> due, TimeSpan every) =>
        due.GroupBy(d => d.Person)
            .OrderBy(g => g.Key.Id, StringComparer.Ordinal)
            .Select(g => (g.Key, Text(g.ToList(), every)))
            .ToList();

    private static string Text(IReadOnlyList<PracticeDue> roles, TimeSpan every)
    {
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"Practice reminder: you are on call, and you have not practised in a drill within {every.TotalDays:0} days as ");
        b.AppendJoin(", ", roles.Select(r => r.Role + " (last " + (r.LastPractised is { } l ? l.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "never") + ")"));
        b.Append(". Ask a facilitator for a drill, or start one with `/incident drill <scenario>` (`/incident drill` lists them).");
        return b.ToString();
    }
}
