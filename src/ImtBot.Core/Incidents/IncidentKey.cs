using System.Globalization;

namespace ImtBot.Core.Incidents;

/// <summary>Formats and parses incident references: <c>INC-42</c>, <c>inc-42</c>, <c>#42</c> or <c>42</c>.</summary>
public static class IncidentKey
{
    public static string Format(int number) => "INC-" + number.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out int number)
    {
        number = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var s = text.AsSpan();
        if (s.StartsWith("INC-", StringComparison.OrdinalIgnoreCase))
        {
            s = s[4..];
        }
        else if (s.StartsWith("#"))
        {
            s = s[1..];
        }

        return s.Length is > 0 and <= 9 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0;
    }
}
