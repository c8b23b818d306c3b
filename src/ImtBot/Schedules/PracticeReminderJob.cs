using ImtBot.Core.Drills;
using ImtBot.Core.Effects;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Core.Schedules;
using ImtBot.Drills;
using Microsoft.Extensions.Options;

namespace ImtBot.Schedules;

/// <summary>
/// The practice reminder (<c>Drills:PracticeReminderAt</c>): each person on an on-call list (the commander pool and the
/// other roles' lists) who has not held that role in a drill within <c>Drills:PracticeEvery</c> gets one direct message
/// per run naming every role due. On-call lists are per platform; the local console counts only when it is the only one.
/// </summary>
internal sealed class PracticeReminderJob(IncidentService incidents, IEnumerable<IChatPlatform> platforms, IOptions<DrillsOptions> options) : IScheduledJob
{
    public string Name => "practice";

    public ScheduleSpec? Schedule { get; } = ScheduleSpec.TryParse(options.Value.PracticeReminderAt, out var spec, out _) ? spec : null;

    public IReadOnlyList<ScheduledEffect> Effects(DateTimeOffset now)
    {
        var names = platforms.Select(p => p.Name).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count > 1)
        {
            names.Remove(PlatformNames.Console);
        }

        var entries = incidents.TrainingEntries();
        var every = options.Value.PracticeEvery;
        return names.Order(StringComparer.Ordinal)
            .SelectMany(platform => PracticeReminder.Messages(incidents.PracticeDue(platform, entries).Where(d => d.Person.Platform == platform).ToList(), every)
                .Select(m => new ScheduledEffect(platform, new NotifyUser(m.Person, m.Text))))
            .ToList();
    }
}
