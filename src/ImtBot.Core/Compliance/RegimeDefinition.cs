namespace ImtBot.Core.Compliance;

/// <summary>
/// A regime's rule as it stood when its clocks started, recorded in the <c>regime_started</c> event so the deadlines
/// in the card, the review and the evidence never change when the configuration does later.
/// </summary>
/// <param name="Id">The configuration key, e.g. <c>gdpr</c>.</param>
/// <param name="Start">The decision that starts its clocks (<see cref="ClockStarts"/>).</param>
/// <param name="TimeZone">The IANA time zone days are counted in.</param>
public sealed record RegimeDefinition(
    string Id, string Name, string Rule, string Start, string TimeZone, IReadOnlyList<DateOnly> Holidays, IReadOnlyList<StageDefinition> Stages)
{
    public StageDefinition? Stage(string id) => Stages.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The calendar days are counted in; UTC when the zone is unknown on this machine.</summary>
    public BusinessCalendar Calendar() => new(BusinessCalendar.FindZone(TimeZone) ?? TimeZoneInfo.Utc, Holidays);
}

/// <summary>
/// One submission a regime asks for: due <see cref="Within"/> after <see cref="After"/>, and when
/// <see cref="NotLaterThan"/> is set, not later than that after <see cref="NotLaterThanAfter"/> (whichever comes first).
/// </summary>
public sealed record StageDefinition(string Id, string Name, string Within, string After, string? NotLaterThan = null, string? NotLaterThanAfter = null)
{
    /// <summary>"within 4 h of classification as major, and not later than 24 h after awareness".</summary>
    public string Describe(Func<string, string>? stageName = null)
    {
        var text = $"within {Period.Parse(Within).Describe()} of {ClockStarts.Describe(After, stageName)}";
        return NotLaterThan is { } cap && NotLaterThanAfter is { } capFrom
            ? $"{text}, and not later than {Period.Parse(cap).Describe()} after {ClockStarts.Describe(capFrom, stageName)}"
            : text;
    }
}
