using ImtBot.Core.Compliance;
using ImtBot.Core.Incidents;

namespace ImtBot.Cards.Models;

/// <summary>The incident card's regulatory clock lines: each stage's deadline in UTC and the time left as of the card's time.</summary>
public static class ComplianceClockLines
{
    public static IReadOnlyList<string> Of(Incident incident, CardText text, DateTimeOffset now) =>
        ComplianceClocks.Of(incident, now)
            .Where(c => c.State != ClockState.Stopped)
            .Select(c => text.Markup(Line(c, now), 500))
            .ToArray();

    private static string Line(ComplianceClock c, DateTimeOffset now) => c.State == ClockState.Running
        ? $"{c.RegimeName} {c.StageName}{(c.Exercise ? " (exercise)" : "")}: due {ComplianceText.Time(c.Deadline!.Value)} UTC — {ComplianceText.Left(c.Deadline.Value - now)} left at {now.UtcDateTime:HH:mm} UTC"
        : ComplianceText.Line(c, now);
}
