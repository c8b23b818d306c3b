using System.Globalization;

namespace ImtBot.Core.Commands;

/// <summary>The verbs with arguments beyond plain text.</summary>
public static partial class CommandParser
{
    private static ParseResult Declare(CommandArgs args)
    {
        // Trailing severity (sev1, sev 1, sev-1, SEV1, P1) and drill words, in any order; the rest is the title (quoted
        // or not, may be empty). A severity the decider does not know (sev9, P0) is passed on so it is refused there.
        int? severity = null;
        string? type = null;
        var drill = false;
        var isPrivate = false;
        var answers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var end = args.Count;
        while (end > 0)
        {
            var token = args[end - 1];
            int? level = null;
            var words = 1;
            if (token.Is("drill"))
            {
                drill = true;
            }
            else if (token.Is("private"))
            {
                isPrivate = true;
            }
            else if (Answer(token) is { } answer)
            {
                answers.TryAdd(answer.Question, answer.Value);
            }
            else if (type is null && TypeAt(args, end) is { } named)
            {
                type = named;
                words = 2;
            }
            else if (CommandArgs.SeverityWord(token) is { } word)
            {
                level = word;
            }
            else if (end >= 2 && CommandArgs.IsDigits(token) && CommandArgs.IsSeverityPrefix(args[end - 2]))
            {
                level = CommandArgs.Severity(token);
                words = 2;
            }
            else
            {
                break;
            }

            if (level is not null)
            {
                if (severity is not null && severity != level)
                {
                    return Fail("declare", "Give one severity only.");
                }

                severity = level;
            }

            end -= words;
        }

        if (severity is null && SeverityInTitle(args, end) is { } stray)
        {
            // Never declare at the default severity while the title holds something that reads as one.
            return Fail("declare", $"`{stray}` looks like a severity: put it at the end (`declare <title> sev1`), or quote the title if it belongs there (`declare \"…\"`).");
        }

        return Ok(new DeclareCommand(args.Text(0, end), severity, drill) { Type = type, Private = isPrivate, Answers = answers.Count > 0 ? answers : null });
    }

    /// <summary>The first unquoted word of the title that reads as a severity (<c>sev1</c>, <c>P1</c>, <c>sev 1</c>, a trailing <c>sev</c>).</summary>
    private static string? SeverityInTitle(CommandArgs args, int end)
    {
        for (var i = 0; i < end; i++)
        {
            if (CommandArgs.SeverityWord(args[i]) is not null)
            {
                return args[i].Value;
            }

            if (CommandArgs.IsSeverityPrefix(args[i]) && (i + 1 == end || CommandArgs.IsDigits(args[i + 1])))
            {
                return i + 1 == end ? args[i].Value : args[i].Value + " " + args[i + 1].Value;
            }
        }

        return null;
    }

    private static ParseResult Role(CommandArgs args)
    {
        if (args.Count != 2)
        {
            return Fail("role", args.Count < 2 ? "Name the role and the person." : "A role name is one word, followed by one person.");
        }

        var role = CommandArgs.Role(args[0]);
        var user = CommandArgs.User(args[1]);
        if (role is null)
        {
            return Fail("role", $"`{args[0].Value}` is not a role name (one word, e.g. commander, comms, ops).");
        }

        return user is null ? Fail("role", $"`{args[1].Value}` is not a person: mention them (@name) or say `me`.") : Ok(new RoleCommand(role, user));
    }

    private static ParseResult Page(CommandArgs args)
    {
        if (args.Count == 0)
        {
            return Fail("page", "Say whom to page: a role or @someone.");
        }

        var message = args.Count > 1 ? args.Text(1) : null;
        if (CommandArgs.User(args[0]) is { } user)
        {
            return Ok(new PageCommand(null, user, message));
        }

        return CommandArgs.Role(args[0]) is { } role
            ? Ok(new PageCommand(role, null, message))
            : Fail("page", $"`{args[0].Value}` is neither a role nor a person.");
    }

    private static ParseResult Severity(CommandArgs args)
    {
        if (args.Count > 0 && CommandArgs.Severity(args[0]) is { } level)
        {
            return SeverityWith(args.Skip(1), level);
        }

        // "sev sev 1 …" / "sev severity 1 …": the level spelled with the word in front.
        return args.Count > 1 && CommandArgs.IsSeverityPrefix(args[0]) && CommandArgs.Severity(args[1]) is { } spelled
            ? SeverityWith(args.Skip(2), spelled)
            : Fail("sev", "Give the new severity (`2`, `sev2` or `P2`), then the reason.");
    }

    private static ParseResult SeverityWith(CommandArgs rest, int level) =>
        rest.Text(0) is { Length: > 0 } reason ? Ok(new SeverityCommand(level, reason)) : Fail("sev", "A severity change needs a reason.");

    private static ParseResult Action(CommandArgs args)
    {
        if (args.Count > 0 && args[0].Is("done"))
        {
            return args.Count == 2 && CommandArgs.Number(args[1]) is { } id
                ? Ok(new ActionDoneCommand(id))
                : Fail("action", "Give the number of the action that is done.", entry: 1);
        }

        if (args.Count > 0 && (args[0].Is("assign") || args[0].Is("cancel")))
        {
            return ActionChange(args);
        }

        // Trailing [@owner] and [due <yyyy-mm-dd>], in either order.
        UserArg? owner = null;
        DateOnly? due = null;
        var end = args.Count;
        for (var pass = 0; pass < 2 && end > 0; pass++)
        {
            if (due is null && end >= 2 && args[end - 2].Is("due") && LooksLikeDate(args[end - 1]))
            {
                if (!DateOnly.TryParseExact(args[end - 1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return Fail("action", $"`{args[end - 1].Value}` is not a date: write it yyyy-mm-dd.");
                }

                due = date;
                end -= 2;
            }
            else if (owner is null && end >= 2 && IsMention(args[end - 1]) && CommandArgs.User(args[end - 1]) is { } user)
            {
                owner = user;
                end--;
            }
        }

        var text = args.Text(0, end);
        return text.Length > 0 ? Ok(new ActionCommand(text, owner, due)) : Fail("action", "Describe the action.");
    }

    private static bool IsMention(CommandToken token) =>
        !token.Quoted && (token.Value.StartsWith('@') || token.Value.StartsWith("<@", StringComparison.Ordinal));

    private static bool LooksLikeDate(CommandToken token) =>
        !token.Quoted && token.Value.Length > 0 && char.IsAsciiDigit(token.Value[0]) && token.Value.All(c => char.IsAsciiDigit(c) || c is '-' or '/' or '.');

    private static ParseResult Handover(CommandArgs args)
    {
        if (args.Count == 0 || CommandArgs.User(args[0]) is not { } to)
        {
            return Fail("handover", "Say whom you hand over to (@name), then a summary.");
        }

        var end = args.Count;
        var release = end > 1 && args[end - 1].Is("release");
        if (release)
        {
            end--;
        }

        var summary = args.Text(1, end);
        return summary.Length > 0 ? Ok(new HandoverCommand(to, summary, release)) : Fail("handover", "A hand-over needs a summary of where things stand.");
    }

    private static ParseResult OnCall(CommandArgs args)
    {
        if (args.Count == 0)
        {
            return Ok(new OnCallCommand(null, []));
        }

        if (CommandArgs.Role(args[0]) is not { } role || args.Count < 2)
        {
            return Fail("oncall", "Name a role, then the people on call for it in order.");
        }

        var users = new List<UserArg>();
        for (var i = 1; i < args.Count; i++)
        {
            if (CommandArgs.User(args[i]) is not { } user)
            {
                return Fail("oncall", $"`{args[i].Value}` is not a person: mention them (@name) or say `me`.");
            }

            users.Add(user);
        }

        return Ok(new OnCallCommand(role, users));
    }

    private static ParseResult Help(CommandArgs args)
    {
        if (args.Count == 0)
        {
            return Ok(new HelpCommand(null));
        }

        var topic = args[0].Value.Trim().ToLowerInvariant();
        if (args.Count > 1 || !CommandTable.IsVerb(topic))
        {
            return ParseResult.Fail(CommandHelp.UnknownVerb(args.Text(0)));
        }

        return Ok(new HelpCommand(topic));
    }

    private static ParseResult Snooze(CommandArgs args)
    {
        if (args.Count is 0 or > 2 || CommandArgs.Role(args[0]) is not { } reminder)
        {
            return Fail("snooze", "Name the reminder, then optionally the minutes.");
        }

        if (args.Count == 1)
        {
            return Ok(new SnoozeCommand(reminder, CommandTable.DefaultSnooze));
        }

        return CommandArgs.Number(args[1]) is { } minutes && minutes <= CommandTable.MaxSnoozeMinutes
            ? Ok(new SnoozeCommand(reminder, TimeSpan.FromMinutes(minutes)))
            : Fail("snooze", $"Minutes are a whole number from 1 to {CommandTable.MaxSnoozeMinutes}.");
    }
}
