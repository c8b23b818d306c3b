using ImtBot.Core.Effects;
using ImtBot.Core.Incidents;
using ImtBot.Core.Ports;
using ImtBot.Core.Schedules;
using Microsoft.Extensions.Options;

namespace ImtBot.Schedules;

/// <summary>
/// The weekly follow-up digest (<c>Learning:DigestAt</c>): one post per platform in its announcements channel, with
/// the open actions of the incidents that live on that platform; nothing where nothing is open.
/// </summary>
internal sealed class FollowUpDigestJob(IncidentService incidents, IEnumerable<IChatPlatform> platforms, IOptions<LearningOptions> options) : IScheduledJob
{
    public string Name => "digest";

    public ScheduleSpec? Schedule { get; } = ScheduleSpec.TryParse(options.Value.DigestAt, out var spec, out _) ? spec : null;

    public IReadOnlyList<ScheduledEffect> Effects(DateTimeOffset now)
    {
        var known = platforms.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        return incidents.AllIncidents()
            .GroupBy(i => i.Origin.Platform, StringComparer.Ordinal)
            .Where(g => known.Contains(g.Key))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => FollowUpDigest.Text(g, now) is { } text ? new ScheduledEffect(g.Key, new Announce(text)) : null)
            .OfType<ScheduledEffect>()
            .ToList();
    }
}
