using System.Globalization;

namespace ImtBot.Core.Compliance;

/// <summary>The unit of a <see cref="Period"/>.</summary>
public enum PeriodUnit
{
    Minutes,
    Hours,
    Days,
    BusinessDays,
    Months,
}

/// <summary>
/// A regulatory time limit as configured and recorded: <c>72h</c>, <c>30min</c>, <c>60d</c> (calendar days),
/// <c>4bd</c> (business days), <c>1mo</c> (calendar months). Kept as text in the events so a recorded rule reads as
/// it was configured.
/// </summary>
public readonly record struct Period(int Amount, PeriodUnit Unit)
{
    private static readonly (string Suffix, PeriodUnit Unit)[] Suffixes =
        [("min", PeriodUnit.Minutes), ("mo", PeriodUnit.Months), ("bd", PeriodUnit.BusinessDays), ("h", PeriodUnit.Hours), ("d", PeriodUnit.Days)];

    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        var t = text?.Trim().ToLowerInvariant() ?? "";
        foreach (var (suffix, unit) in Suffixes)
        {
            if (t.EndsWith(suffix, StringComparison.Ordinal)
                && int.TryParse(t[..^suffix.Length], NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
                && amount is > 0 and <= 10_000)
            {
                period = new Period(amount, unit);
                return true;
            }
        }

        return false;
    }

    public static Period Parse(string text) =>
        TryParse(text, out var p) ? p : throw new FormatException($"\"{text}\" is not a period; write e.g. 72h, 30min, 60d, 4bd or 1mo.");

    /// <summary>The configured spelling: <c>72h</c>, <c>4bd</c>.</summary>
    public override string ToString() => Amount.ToString(CultureInfo.InvariantCulture) + Unit switch
    {
        PeriodUnit.Minutes => "min",
        PeriodUnit.Hours => "h",
        PeriodUnit.Days => "d",
        PeriodUnit.BusinessDays => "bd",
        _ => "mo",
    };

    /// <summary>For people: <c>72 h</c>, <c>4 business days</c>, <c>1 month</c>.</summary>
    public string Describe() => Unit switch
    {
        PeriodUnit.Minutes => $"{Amount} min",
        PeriodUnit.Hours => $"{Amount} h",
        PeriodUnit.Days => Amount == 1 ? "1 calendar day" : $"{Amount} calendar days",
        PeriodUnit.BusinessDays => Amount == 1 ? "1 business day" : $"{Amount} business days",
        _ => Amount == 1 ? "1 month" : $"{Amount} months",
    };
}
