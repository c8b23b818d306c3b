using ImtBot.Core.Plans;

namespace ImtBot.Core.Commands;

/// <summary>The response plan verbs: <c>type</c>, <c>task done|skip|assign|add|override</c>, and <c>type</c> in a declaration.</summary>
public static partial class CommandParser
{
    /// <summary>The type named by <c>type &lt;name&gt;</c> at the end of the first <paramref name="end"/> arguments, or null.</summary>
    private static string? TypeAt(CommandArgs args, int end) =>
        end >= 2 && args[end - 2].Is("type") && !args[end - 2].Quoted && IsTypeName(args[end - 1]) ? args[end - 1].Value.ToLowerInvariant() : null;

    /// <summary>One word of letters, digits and dashes starting with a letter (<c>security-breach</c>).</summary>
    internal static bool IsTypeName(CommandToken token) =>
        !token.Quoted && token.Value.Length is > 0 and <= 40 && char.IsAsciiLetter(token.Value[0]) && token.Value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private static ParseResult Type(CommandArgs args) =>
        args.Count == 1 && IsTypeName(args[0])
            ? Ok(new TypeCommand(args[0].Value.ToLowerInvariant()))
            : Fail("type", args.Count == 0 ? "Name the type, e.g. `security-breach`." : "A type is one word of letters, digits and dashes, e.g. `service-outage`.");

    private static ParseResult Task(CommandArgs args)
    {
        if (args.Count == 0)
        {
            return Fail("task", "Say what to do with a task: done, skip, assign, add or override.");
        }

        var rest = args.Skip(1);
        switch (args[0].Value.ToLowerInvariant())
        {
            case "done":
                return rest.Count >= 1 && CommandArgs.Number(rest[0]) is { } done
                    ? Ok(new TaskDoneCommand(done, rest.Count > 1 ? rest.Text(1) : null))
                    : Fail("task", "Give the number of the task that is done (`/incident plan` lists them).", entry: 0);
            case "skip":
                if (rest.Count == 0 || CommandArgs.Number(rest[0]) is not { } skip)
                {
                    return Fail("task", "Give the number of the task to skip, then why.", entry: 1);
                }

                return rest.Count > 1 ? Ok(new TaskSkipCommand(skip, rest.Text(1))) : Fail("task", "Skipping a task needs a reason.", entry: 1);
            case "assign":
                if (rest.Count != 2 || CommandArgs.Number(rest[0]) is not { } n)
                {
                    return Fail("task", "Give the task's number, then the person (@name or me).", entry: 2);
                }

                return CommandArgs.User(rest[1]) is { } user
                    ? Ok(new TaskAssignCommand(n, user))
                    : Fail("task", $"`{rest[1].Value}` is not a person: mention them (@name) or say `me`.", entry: 2);
            case "add":
                return TaskAdd(rest);
            case "override":
                return rest.Count > 0 ? Ok(new TaskOverrideCommand(rest.Text(0))) : Fail("task", "An override needs a reason.", entry: 4);
            default:
                return Fail("task", $"`{args[0].Value}` is not a task action: use done, skip, assign, add or override.");
        }
    }

    /// <summary>Trailing <c>[@owner]</c> and <c>[due &lt;duration&gt;]</c>, in either order; the rest is the text.</summary>
    private static ParseResult TaskAdd(CommandArgs args)
    {
        UserArg? owner = null;
        int? due = null;
        var end = args.Count;
        for (var pass = 0; pass < 2 && end > 0; pass++)
        {
            if (due is null && end >= 2 && args[end - 2].Is("due"))
            {
                due = PlanDuration.TryParseMinutes(args[end - 1].Value);
                if (due is null)
                {
                    return Fail("task", $"`{args[end - 1].Value}` is not a duration: write it like 15m, 2h or 1h30m.", entry: 3);
                }

                end -= 2;
            }
            else if (owner is null && end >= 2 && IsMention(args[end - 1]) && CommandArgs.User(args[end - 1]) is { } user)
            {
                owner = user;
                end--;
            }
            else if (owner is null && end >= 2 && args[end - 1].Is("me"))
            {
                owner = UserArg.Me;
                end--;
            }
        }

        var text = args.Text(0, end);
        return text.Length > 0 ? Ok(new TaskAddCommand(text, owner, due)) : Fail("task", "Describe the task.", entry: 3);
    }
}
