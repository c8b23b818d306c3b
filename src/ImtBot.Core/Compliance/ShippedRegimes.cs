namespace ImtBot.Core.Compliance;

/// <summary>
/// The regimes ImtBot ships, with the time limits as the rules state them. They track deadlines; whether a regime
/// applies, and what to submit, is for the organisation's counsel to decide.
/// </summary>
public static class ShippedRegimes
{
    /// <summary>US federal holidays 2026–2027 (observed dates): SEC business days exclude them. Keep the list current in configuration.</summary>
    public static IReadOnlyList<string> UsFederalHolidays { get; } =
    [
        "2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07", "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25",
        "2027-01-01", "2027-01-18", "2027-02-15", "2027-05-31", "2027-06-18", "2027-07-05", "2027-09-06", "2027-10-11", "2027-11-11", "2027-11-25", "2027-12-24",
    ];

    public static Dictionary<string, RegimeOptions> Create() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["gdpr"] = new()
        {
            Name = "GDPR Art. 33",
            Rule = "Notify the supervisory authority of a personal data breach without undue delay and, where feasible, not later than 72 hours after becoming aware of it.",
            Start = ClockStarts.Aware,
            Stages = Stages(("notification", "notification to the supervisory authority", "72h", ClockStarts.Aware, null)),
        },
        ["nis2"] = new()
        {
            Name = "NIS2 Art. 23",
            Rule = "For a significant incident: an early warning within 24 hours of becoming aware of it, an incident notification within 72 hours, and a final report within one month of the incident notification.",
            Start = ClockStarts.Aware,
            Stages = Stages(
                ("early-warning", "early warning", "24h", ClockStarts.Aware, null),
                ("notification", "incident notification", "72h", ClockStarts.Aware, null),
                ("final", "final report", "1mo", "notification", null)),
        },
        ["dora"] = new()
        {
            Name = "DORA Art. 19",
            Rule = "For a major ICT-related incident (RTS 2025/301): the initial notification within 4 hours of classifying it as major and no later than 24 hours after becoming aware of it, an intermediate report within 72 hours of the initial notification, and a final report within one month of the intermediate report.",
            Start = ClockStarts.Classified,
            Stages = Stages(
                ("initial", "initial notification", "4h", ClockStarts.Classified, "24h"),
                ("intermediate", "intermediate report", "72h", "initial", null),
                ("final", "final report", "1mo", "intermediate", null)),
        },
        ["sec"] = new()
        {
            Name = "SEC Form 8-K Item 1.05",
            Rule = "File Form 8-K Item 1.05 within four business days of determining that a cybersecurity incident is material.",
            Start = ClockStarts.Material,
            TimeZone = "America/New_York",
            Holidays = [.. UsFederalHolidays],
            Stages = Stages(("8k", "Form 8-K filing", "4bd", ClockStarts.Material, null)),
        },
        ["hipaa"] = new()
        {
            Name = "HIPAA breach notification",
            Rule = "Notify without unreasonable delay and no later than 60 calendar days after discovering a breach of unsecured protected health information.",
            Start = ClockStarts.Aware,
            TimeZone = "America/New_York",
            Stages = Stages(("notification", "breach notification", "60d", ClockStarts.Aware, null)),
        },
    };

    private static Dictionary<string, StageOptions> Stages(params (string Id, string Name, string Within, string After, string? Cap)[] stages) =>
        stages.Select((s, i) => (s, i)).ToDictionary(
            x => x.s.Id,
            x => new StageOptions { Order = x.i + 1, Name = x.s.Name, Within = x.s.Within, After = x.s.After, NotLaterThan = x.s.Cap, NotLaterThanAfter = x.s.Cap is null ? null : ClockStarts.Aware },
            StringComparer.OrdinalIgnoreCase);
}
