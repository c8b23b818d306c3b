using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ImtBot.Core.Platforms;

namespace ImtBot.Cards;

/// <summary>
/// Puts user text into a card for one platform. Slack: <see cref="Markup"/> escapes <c>&amp;</c> <c>&lt;</c> <c>&gt;</c> (in
/// that order) so typed <c>&lt;!channel&gt;</c> or links never become live; <see cref="Plain"/> (for <c>plain_text</c>
/// objects, which Slack never parses) keeps the text. Teams: user text goes into <c>TextRun</c>s, which render no
/// Markdown, so it stays as typed. Both cut text to a length with an ellipsis, never inside an entity or an emoji.
/// </summary>
public sealed partial class CardText
{
    public static CardText Slack { get; } = new(PlatformNames.Slack);

    public static CardText Teams { get; } = new(PlatformNames.Teams);

    private CardText(string platform) => Platform = platform;

    public string Platform { get; }

    public bool IsSlack => Platform == PlatformNames.Slack;

    /// <summary>What an empty role shows.</summary>
    public string Vacant => IsSlack ? ":warning: _unassigned_" : "Unassigned";

    /// <summary><c>teams</c> (also the console) or <c>slack</c>.</summary>
    /// <exception cref="ArgumentException">Any other platform name.</exception>
    public static CardText For(string platform) => platform switch
    {
        PlatformNames.Slack => Slack,
        PlatformNames.Teams or PlatformNames.Console => Teams,
        _ => throw new ArgumentException($"no cards for the platform '{platform}' (use teams or slack)", nameof(platform)),
    };

    /// <summary>Escapes <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> for Slack mrkdwn, <c>&amp;</c> first.</summary>
    public static string EscapeSlack(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>User text for a formatted field (Slack mrkdwn, Teams TextRun), at most <paramref name="max"/> characters once escaped.</summary>
    public string Markup(string? text, int max) => IsSlack ? Fit(text ?? "", max, EscapeSlack) : Fit(text ?? "", max, DefuseTeams);

    /// <summary>Teams evaluates <c>{{DATE(…)}}</c> and <c>{{TIME(…)}}</c> even in TextRuns: a zero-width space after the first brace keeps typed text as typed.</summary>
    public static string DefuseTeams(string text) => text.Replace("{{", "{\u200B{", StringComparison.Ordinal);

    /// <summary>User text for a plain-text field, at most <paramref name="max"/> characters.</summary>
    public string Plain(string? text, int max) => Fit(text ?? "", max, s => s);

    /// <summary>Command text shown as code: Slack wraps it in backticks (templates cannot hold them next to <c>${…}</c>).</summary>
    public string Code(string command, int max) => IsSlack ? "`" + Markup(command, max - 2) + "`" : Markup(command, max);

    /// <summary>A person: a live Slack mention for a Slack user id, otherwise the display name as text.</summary>
    public string User(UserRef? user)
    {
        if (user is null)
        {
            return IsSlack ? "_nobody_" : "nobody";
        }

        if (IsSlack && user.Platform == PlatformNames.Slack && SlackUserId().IsMatch(user.Id))
        {
            return "<@" + user.Id + ">";
        }

        return Markup(user.DisplayName, 200);
    }

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string ShortTime(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        return span.TotalMinutes < 1 ? "under 1 min"
            : span.TotalHours < 1 ? $"{(int)span.TotalMinutes} min"
            : span.TotalDays < 1 ? $"{(int)span.TotalHours} h {span.Minutes} min"
            : $"{(int)span.TotalDays} d {span.Hours} h";
    }

    private static string Fit(string text, int max, Func<string, string> encode)
    {
        var whole = encode(text);
        if (whole.Length <= max)
        {
            return whole;
        }

        // Grow the kept prefix one text element at a time so no entity, surrogate pair or emoji is cut.
        var kept = new StringBuilder();
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        var length = 0;
        while (enumerator.MoveNext())
        {
            var piece = encode(enumerator.GetTextElement());
            if (length + piece.Length + 1 > max)
            {
                break;
            }

            kept.Append(piece);
            length += piece.Length;
        }

        return kept.Append('…').ToString();
    }

    [GeneratedRegex("^[UW][A-Z0-9]{2,}$")]
    private static partial Regex SlackUserId();
}
