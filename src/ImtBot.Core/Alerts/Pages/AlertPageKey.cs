using System.Globalization;

namespace ImtBot.Core.Alerts.Pages;

/// <summary>
/// Alert pages are named <c>AP-1</c>, <c>AP-2</c>… and their events live in the one event log as streams of their own,
/// numbered below zero (<c>AP-3</c> is stream −3), so they are committed, deduplicated and hash-chained exactly like an
/// incident's events — atomically with their pages and timers — while never being counted, listed or numbered as incidents.
/// </summary>
public static class AlertPageKey
{
    public const string Prefix = "AP-";

    public static string Format(int number) => Prefix + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The log stream of alert page <paramref name="number"/>.</summary>
    public static int Stream(int number) => -number;

    /// <summary>The alert page of a log stream, or null when the stream is an incident's (or the admin audit's).</summary>
    public static int? OfStream(int stream) => stream < 0 ? -stream : null;

    /// <summary>A log stream's name as people know it: <c>AP-3</c> for stream −3, <c>INC-7</c> for stream 7.</summary>
    public static string FormatStream(int stream) => OfStream(stream) is { } page ? Format(page) : Incidents.IncidentKey.Format(stream);

    public static bool TryParse(string? text, out int number)
    {
        number = 0;
        return text is { Length: > 3 and <= 12 } && text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            && int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0;
    }
}
