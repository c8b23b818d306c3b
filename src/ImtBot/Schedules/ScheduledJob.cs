using ImtBot.Core.Effects;
using ImtBot.Core.Schedules;

namespace ImtBot.Schedules;

/// <summary>An effect a scheduled job wants run, on the platform that should run it.</summary>
public sealed record ScheduledEffect(string Platform, Effect Effect);

/// <summary>
/// A host-level job the <see cref="ScheduleRunner"/> runs at each time of its schedule: it says what to post, and the
/// runner commits that to the outbox once per run.
/// </summary>
public interface IScheduledJob
{
    /// <summary>A short stable name, part of the durable keys (<c>digest</c>, <c>practice</c>): never rename one.</summary>
    string Name { get; }

    /// <summary>When it runs; null when it is turned off.</summary>
    ScheduleSpec? Schedule { get; }

    /// <summary>What to post for the run due now (empty: nothing to say this time).</summary>
    IReadOnlyList<ScheduledEffect> Effects(DateTimeOffset now);
}
