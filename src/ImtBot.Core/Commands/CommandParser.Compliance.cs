using System.Globalization;

namespace ImtBot.Core.Commands;

/// <summary>The compliance verbs: regulated, notregulated, classified, material, notified, compliance.</summary>
public static partial class CommandParser
{
    private static ParseResult Regulated(CommandArgs args)
    {
        if (args.Count == 0 || RegimeWord(args[0]) is not { } regime)
        {
            return Fail("regulated", "Name the regime, e.g. `regulated gdpr`.");
        }

        if (args.Count > 1 && args[1].Is("aware"))
        {
            if (args.Count < 3)
            {
                return Fail("regulated", "Give the awareness time after `aware`, in UTC: `2026-11-27T08:30Z` or `2026-11-27 08:30`.");
            }

            var (at, used) = AwareTime(args, 2);
            return at is { } aware
                ? Ok(new RegulatedCommand(regime, aware, OptionalText(args.Skip(2 + used))))
                : Fail("regulated", $"`{args[2].Value}` is not a time: write it in UTC as `2026-11-27T08:30Z` or `2026-11-27 08:30` (or with an offset, `2026-11-27T09:30+01:00`).");
        }

        return Ok(new RegulatedCommand(regime, null, OptionalText(args.Skip(1))));
    }

    /// <summary>An ISO-8601 time (UTC unless it carries an offset), one token or a date and a time as two.</summary>
    private static (DateTimeOffset? At, int Tokens) AwareTime(CommandArgs args, int index)
    {
        const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        var first = args[index].Value;
        if (!first.Contains('-', StringComparison.Ordinal) || !char.IsAsciiDigit(first[0]))
        {
            return (null, 0);
        }

        if (index + 1 < args.Count && !first.Contains('T', StringComparison.OrdinalIgnoreCase)
            && DateTimeOffset.TryParse(first + "T" + args[index + 1].Value, CultureInfo.InvariantCulture, Utc, out var joined))
        {
            return (joined, 2);
        }

        return first.Contains('T', StringComparison.OrdinalIgnoreCase) && DateTimeOffset.TryParse(first, CultureInfo.InvariantCulture, Utc, out var at) ? (at, 1) : (null, 0);
    }

    private static ParseResult NotRegulated(CommandArgs args)
    {
        if (args.Count == 0 || RegimeWord(args[0]) is not { } regime)
        {
            return Fail("notregulated", "Name the regime, then why it does not apply.");
        }

        return OptionalText(args.Skip(1)) is { } reason
            ? Ok(new NotRegulatedCommand(regime, reason))
            : Fail("notregulated", "Say why the regime does not apply: the reason is the record.");
    }

    private static ParseResult Classified(CommandArgs args) =>
        args.Count > 0 && args[0].Is("major")
            ? Ok(new ClassifiedCommand(OptionalText(args.Skip(1))))
            : Fail("classified", "Only `classified major [reason]` is recorded (it starts DORA's clocks); if a regime does not apply, say so with `notregulated <regime> <reason>`.");

    private static ParseResult Notified(CommandArgs args)
    {
        if (args.Count < 3 || RegimeWord(args[0]) is not { } regime || RegimeWord(args[1]) is not { } stage)
        {
            return Fail("notified", "Name the regime, the stage and the submission's reference number.");
        }

        return Ok(new NotifiedCommand(regime, stage, args[2].Value, OptionalText(args.Skip(3))));
    }

    /// <summary>A regime or stage id: one word of letters, digits, '-' or '_'.</summary>
    private static string? RegimeWord(CommandToken token)
    {
        var v = token.Value.Trim().ToLowerInvariant();
        return v.Length is > 0 and <= 40 && v.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? v : null;
    }
}
