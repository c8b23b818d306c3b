using System.Globalization;
using ImtBot.Core.Alerts.Pages;

namespace ImtBot.Core.Commands;

public static partial class CommandParser
{
    /// <summary>The shortest and longest silence; <c>silence AP-3</c> alone silences for an hour.</summary>
    public static readonly TimeSpan MinSilence = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan MaxSilence = TimeSpan.FromDays(7);

    public static readonly TimeSpan DefaultSilence = TimeSpan.FromHours(1);

    /// <summary><c>ack AP-3</c> / <c>decline AP-3</c>: null when the first argument names no alert page (then it is the incident form).</summary>
    private static ParseResult? AlertPageAnswer(CommandArgs args, AlertPageVerb verb) =>
        args.Count == 1 && AlertPageRef(args[0]) is { } page ? Ok(new AlertPageCommand(verb, page)) : null;

    /// <summary><c>declare AP-3 [sev2]</c>: null when the first argument names no alert page (then it is a title).</summary>
    private static ParseResult? DeclareFromAlertPage(CommandArgs args)
    {
        if (args.Count is 0 or > 2 || AlertPageRef(args[0]) is not { } page)
        {
            return null;
        }

        if (args.Count == 1)
        {
            return Ok(new AlertPageCommand(AlertPageVerb.Declare, page));
        }

        return CommandArgs.Severity(args[1]) is { } severity
            ? Ok(new AlertPageCommand(AlertPageVerb.Declare, page) { Severity = severity })
            : Fail("declare", "After the alert page, only a severity may follow (`declare AP-3 sev2`).", entry: 1);
    }

    private static ParseResult Silence(CommandArgs args)
    {
        if (args.Count is 0 or > 2 || AlertPageRef(args[0]) is not { } page)
        {
            return Fail("silence", "Name the alert page (`AP-3`), then optionally how long (`30m`, `4h`, `1d`).");
        }

        if (args.Count == 1)
        {
            return Ok(new AlertPageCommand(AlertPageVerb.Silence, page) { For = DefaultSilence });
        }

        return Duration(args[1].Value) is { } span && span >= MinSilence && span <= MaxSilence
            ? Ok(new AlertPageCommand(AlertPageVerb.Silence, page) { For = span })
            : Fail("silence", "Say how long as minutes, hours or days, from 1m to 7d (`30m`, `4h`, `1d`).");
    }

    private static ParseResult Unsilence(CommandArgs args) =>
        args.Count == 1 && AlertPageRef(args[0]) is { } page
            ? Ok(new AlertPageCommand(AlertPageVerb.Unsilence, page))
            : Fail("unsilence", "Name the alert page (`AP-3`).");

    private static int? AlertPageRef(CommandToken token) => !token.Quoted && AlertPageKey.TryParse(token.Value, out var n) ? n : null;

    /// <summary><c>30m</c>, <c>4h</c>, <c>1d</c>.</summary>
    private static TimeSpan? Duration(string text)
    {
        if (text.Length < 2 || !int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            return null;
        }

        return char.ToLowerInvariant(text[^1]) switch
        {
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            'd' => TimeSpan.FromDays(n),
            _ => null,
        };
    }
}
