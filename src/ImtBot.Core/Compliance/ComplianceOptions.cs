namespace ImtBot.Core.Compliance;

/// <summary>
/// The <c>Compliance</c> section: the regulatory regimes whose clocks an incident can run, when reminders go out,
/// and the file the chain heads of closed incidents are appended to. Each shipped regime can be changed setting by
/// setting (<c>Compliance:Regimes:gdpr:Stages:notification:Within=48h</c>), switched off (<c>Enabled=false</c>), and
/// new ones added under a new id.
/// </summary>
public sealed class ComplianceOptions
{
    public const string SectionName = "Compliance";

    /// <summary>The regimes, keyed by the id typed after <c>regulated</c>.</summary>
    /// <value>The default is GDPR Art. 33, NIS2 Art. 23, DORA Art. 19, SEC Form 8-K Item 1.05 and HIPAA breach notification.</value>
    public Dictionary<string, RegimeOptions> Regimes { get; set; } = ShippedRegimes.Create();

    /// <summary>
    /// When, before each deadline, the incident commander and the comms lead are reminded: a share of the time
    /// allowed (<c>50%</c>) or a time before the deadline (<c>4h</c>, <c>30min</c>). A missed deadline is always told.
    /// A configured list replaces this one.
    /// </summary>
    /// <value>The default is 50%, 4h, 1h.</value>
    public List<string> Reminders { get; set; } = ["50%", "4h", "1h"];

    /// <summary>
    /// The append-only file each closed incident's chain head is added to, so a rewritten database is detectable
    /// (<c>imtbot verify --anchor</c>). Relative paths are beside the database; point it at storage the bot cannot
    /// rewrite (a WORM bucket mount, a file with the append-only attribute).
    /// </summary>
    /// <value>The default is anchors.log beside the database.</value>
    public string AnchorLog { get; set; } = "anchors.log";

    /// <summary>The enabled regime with this id (case-insensitive), or null.</summary>
    public RegimeOptions? Find(string id) =>
        Regimes.FirstOrDefault(r => string.Equals(r.Key, id, StringComparison.OrdinalIgnoreCase)) is { Value: { Enabled: true } regime } ? regime : null;

    /// <summary>The enabled regimes' ids, sorted.</summary>
    public IReadOnlyList<string> Enabled => Regimes.Where(r => r.Value.Enabled).Select(r => r.Key.ToLowerInvariant()).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The enabled regime as a recorded definition.</summary>
    public RegimeDefinition? Definition(string id)
    {
        var key = Regimes.Keys.FirstOrDefault(k => string.Equals(k, id, StringComparison.OrdinalIgnoreCase));
        return key is not null && Find(key) is { } regime ? regime.ToDefinition(key.ToLowerInvariant()) : null;
    }
}

/// <summary>One regime: its name and legal basis, the decision that starts it, the calendar, and its stages.</summary>
public sealed class RegimeOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>What people call it, e.g. "GDPR Art. 33".</summary>
    public string Name { get; set; } = "";

    /// <summary>The rule in one sentence, as the regulation states it.</summary>
    public string Rule { get; set; } = "";

    /// <summary><c>aware</c>, <c>classified</c> or <c>material</c>: the decision that starts its clocks.</summary>
    public string Start { get; set; } = ClockStarts.Aware;

    /// <summary>The IANA time zone calendar days, months and business days are counted in.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Days (yyyy-mm-dd) that are not business days; a configured list replaces the shipped one.</summary>
    public List<string> Holidays { get; set; } = [];

    /// <summary>The submissions, keyed by the stage id typed after <c>notified &lt;regime&gt;</c>.</summary>
    public Dictionary<string, StageOptions> Stages { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public RegimeDefinition ToDefinition(string id) => new(
        id,
        string.IsNullOrWhiteSpace(Name) ? id.ToUpperInvariant() : Name,
        Rule,
        Start,
        string.IsNullOrWhiteSpace(TimeZone) ? "UTC" : TimeZone,
        Holidays.Select(h => DateOnly.ParseExact(h.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Order().ToArray(),
        Stages.OrderBy(s => s.Value.Order).ThenBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new StageDefinition(
                s.Key.ToLowerInvariant(),
                string.IsNullOrWhiteSpace(s.Value.Name) ? s.Key : s.Value.Name,
                s.Value.Within,
                string.IsNullOrWhiteSpace(s.Value.After) ? Start : s.Value.After.ToLowerInvariant(),
                string.IsNullOrWhiteSpace(s.Value.NotLaterThan) ? null : s.Value.NotLaterThan,
                string.IsNullOrWhiteSpace(s.Value.NotLaterThan) ? null : (string.IsNullOrWhiteSpace(s.Value.NotLaterThanAfter) ? ClockStarts.Aware : s.Value.NotLaterThanAfter.ToLowerInvariant())))
            .ToArray());
}

/// <summary>One submission of a regime.</summary>
public sealed class StageOptions
{
    /// <summary>Where it comes among the regime's stages (lowest first).</summary>
    public int Order { get; set; }

    /// <summary>What people call it, e.g. "initial notification".</summary>
    public string Name { get; set; } = "";

    /// <summary>The time allowed: <c>72h</c>, <c>30min</c>, <c>60d</c>, <c>4bd</c> (business days) or <c>1mo</c>.</summary>
    public string Within { get; set; } = "";

    /// <summary>What the time runs from: <c>aware</c>, <c>classified</c>, <c>material</c> or an earlier stage's id (its submission); empty means the regime's start.</summary>
    public string After { get; set; } = "";

    /// <summary>An outer limit, whichever comes first (DORA's 24 h after awareness).</summary>
    public string? NotLaterThan { get; set; }

    /// <summary>What the outer limit runs from (default <c>aware</c>).</summary>
    public string? NotLaterThanAfter { get; set; }
}
