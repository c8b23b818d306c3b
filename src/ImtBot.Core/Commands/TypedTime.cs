using System.Globalization;

namespace ImtBot.Core.Commands;

/// <summary>
/// A moment as typed, in UTC: <c>08:55</c> (the latest such time not after now), <c>2026-11-27 08:55</c>,
/// <c>2026-11-27T08:55Z</c>, or <c>20m ago</c> / <c>2h ago</c>. The parser reads it; the decider resolves it against its clock.
/// </summary>
public sealed record TypedTime(DateTimeOffset? At, TimeOnly? Clock, TimeSpan? Ago)
{
    public const string Formats = "`08:55` (UTC), `2026-11-27 08:55`, `2026-11-27T08:55Z` or `20m ago`";

    public DateTimeOffset Resolve(DateTimeOffset now)
    {
        if (At is { } at)
        {
            return at;
        }

        if (Ago is { } ago)
        {
            return now - ago;
        }

        var today = new DateTimeOffset(DateOnly.FromDateTime(now.UtcDateTime).ToDateTime(Clock!.Value), TimeSpan.Zero);
        return today > now ? today.AddDays(-1) : today;
    }

    /// <summary>A whole field as a time (a form's input): null when it is not one of <see cref="Formats"/>.</summary>
    public static TypedTime? Parse(string? text)
    {
        var normal = CommandTokenizer.Normalize(text ?? "");
        var tokens = CommandTokenizer.Tokenize(normal);
        return tokens.Count > 0 && Read(new CommandArgs(normal, tokens), out var used) is { } time && used == tokens.Count ? time : null;
    }

    /// <summary>Reads the time from the first one or two words; <paramref name="used"/> is how many it took.</summary>
    internal static TypedTime? Read(CommandArgs args, out int used)
    {
        used = 0;
        if (args.Count == 0 || args[0].Quoted)
        {
            return null;
        }

        var first = args[0].Value;
        if (args.Count > 1 && args[1].Is("ago") && Span(first) is { } ago)
        {
            used = 2;
            return new TypedTime(null, null, ago);
        }

        if (TimeOnly.TryParseExact(first, ["H:mm", "HH:mm", "H:mm:ss", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock))
        {
            used = 1;
            return new TypedTime(null, clock, null);
        }

        if (args.Count > 1 && !args[1].Quoted
            && DateTime.TryParseExact(first + " " + args[1].Value, ["yyyy-MM-dd H:mm", "yyyy-MM-dd H:mm:ss"], CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var both))
        {
            used = 2;
            return new TypedTime(new DateTimeOffset(both, TimeSpan.Zero), null, null);
        }

        if (first.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(first, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var iso))
        {
            used = 1;
            return new TypedTime(iso, null, null);
        }

        return null;
    }

    private static TimeSpan? Span(string word)
    {
        if (word.Length < 2 || !int.TryParse(word[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            return null;
        }

        return char.ToLowerInvariant(word[^1]) switch
        {
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            'd' => TimeSpan.FromDays(n),
            _ => null,
        };
    }
}
