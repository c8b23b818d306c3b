namespace ImtBot.Core.Ports;

/// <summary>
/// Whether a chat platform is answering the dispatcher right now. The dispatcher keeps it (a transient fault starts an
/// outage, any answer ends it); the incident service reads it so that a reply never says an effect happened while it
/// is only queued behind an outage (docs/reliability.md §Outages).
/// </summary>
public interface IPlatformHealth
{
    /// <summary>Since when deliveries to <paramref name="platform"/> have been failing, or null while it answers.</summary>
    DateTimeOffset? FailingSince(string platform);
}
