namespace ImtBot.Dispatch;

/// <summary>The <c>Dispatcher</c> section: how outbox steps are leased and when a failed one is tried again.</summary>
public sealed class DispatcherOptions
{
    public const string SectionName = "Dispatcher";

    /// <summary>Whether this process runs outbox steps in the background.</summary>
    /// <value>The default is true.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a leased step belongs to this process before another may take it.</summary>
    /// <value>The default is 2 minutes.</value>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long a step may keep failing transiently (counted from its first fault) before it is dead-lettered and the
    /// incident channel told. Long enough to outlast real outages: nothing acknowledged is dropped because Slack or
    /// Teams was down for an hour. A permanent fault is dead-lettered at once.
    /// </summary>
    /// <value>The default is 24 hours.</value>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>An optional cap on attempts as well (dead-lettered at whichever comes first); unset means none.</summary>
    public int? MaxAttempts { get; set; }

    /// <summary>
    /// How long a platform may keep failing before the commanders of the incidents it holds back are told (once, by
    /// direct message or else on the console), and told again when it recovers.
    /// </summary>
    /// <value>The default is 5 minutes.</value>
    public TimeSpan TellAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How often an idle dispatcher looks at the outbox for steps it was not told about: steps committed by another
    /// instance on the same PostgreSQL database, or left by one that died. Unset, it looks when this process commits
    /// and when a step it knows of is due (enough when one process owns the database, as with LiteDB).
    /// </summary>
    /// <value>The default is unset with LiteDB and 5 seconds with <c>Storage:Provider=PostgreSQL</c>.</value>
    public TimeSpan? PollInterval { get; set; }

    /// <summary>Steps running at once, across incidents (one incident's steps always run one at a time, in order).</summary>
    /// <value>The default is 32.</value>
    public int BatchSize { get; set; } = 32;

    /// <summary>
    /// The first retry delay after a transient fault; doubled each attempt (plus up to 20 % jitter) up to
    /// <see cref="MaxBackoff"/>. A platform's Retry-After is a floor under it (<see cref="RetrySchedule"/>).
    /// </summary>
    /// <value>The default is 2 seconds.</value>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest computed retry delay (a platform's Retry-After may ask for longer).</summary>
    /// <value>The default is 5 minutes.</value>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);
}
