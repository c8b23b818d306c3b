using System.ComponentModel.DataAnnotations;

namespace ImtBot.Dispatch;

/// <summary>The <c>Dispatcher</c> section: how outbox steps are leased and retried.</summary>
public sealed class DispatcherOptions
{
    public const string SectionName = "Dispatcher";

    /// <summary>Whether this process runs outbox steps in the background. The default value is true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a leased step belongs to this process before another may take it. The default value is 2 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Attempts before a step is dead-lettered and the incident channel told. The default value is 8.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Steps running at once, across incidents (one incident's steps always run one at a time, in order). The default value is 32.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 32;

    /// <summary>The first retry delay after a fault; doubled each attempt up to <see cref="MaxBackoff"/>. The default value is 2 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The default value is 5 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);
}
