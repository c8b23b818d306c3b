namespace ImtBot.Core.Commands;

/// <summary>
/// The review's facts and words (<c>impact</c>, <c>detected</c>, <c>summary</c>, <c>cause</c>, <c>resolution</c>) and the
/// follow-up actions after they were added (<c>action assign|cancel</c>, <c>actions</c>).
/// </summary>
public static partial class CommandParser
{
    private static ParseResult Impact(CommandArgs args)
    {
        if (TypedTime.Read(args, out var used) is not { } began)
        {
            return Fail("impact", args.Count == 0
                ? "Say when the impact began: " + TypedTime.Formats + "."
                : $"`{args[0].Value}` is not a time: write {TypedTime.Formats}.");
        }

        return Ok(new ImpactCommand(began, args.Text(used) is { Length: > 0 } text ? text : null));
    }

    private static ParseResult Detected(CommandArgs args)
    {
        if (TypedTime.Read(args, out var used) is not { } at || used != args.Count)
        {
            return Fail("detected", args.Count == 0
                ? "Say when it was detected: " + TypedTime.Formats + "."
                : $"`{args.Text(0)}` is not a time: write {TypedTime.Formats}.");
        }

        return Ok(new DetectedCommand(at));
    }

    /// <summary><c>action assign &lt;n&gt; &lt;@user|me&gt;</c> and <c>action cancel &lt;n&gt; [reason]</c>.</summary>
    private static ParseResult ActionChange(CommandArgs args)
    {
        var assign = args[0].Is("assign");
        var entry = assign ? 2 : 3;
        if (args.Count < 2 || CommandArgs.Number(args[1]) is not { } id)
        {
            return Fail("action", assign ? "Give the action's number, then its new owner." : "Give the number of the action to cancel.", entry);
        }

        if (!assign)
        {
            return Ok(new ActionCancelCommand(id, args.Text(2) is { Length: > 0 } reason ? reason : null));
        }

        return args.Count == 3 && CommandArgs.User(args[2]) is { } owner
            ? Ok(new ActionAssignCommand(id, owner))
            : Fail("action", "Name one new owner: mention them (@name) or say `me`.", entry);
    }

    /// <summary><c>actions [@user|me|overdue]</c>.</summary>
    private static ParseResult Actions(CommandArgs args)
    {
        if (args.Count == 0)
        {
            return Ok(new ActionsCommand(null, false));
        }

        if (args.Count == 1 && args[0].Is("overdue"))
        {
            return Ok(new ActionsCommand(null, true));
        }

        return args.Count == 1 && CommandArgs.User(args[0]) is { } owner
            ? Ok(new ActionsCommand(owner, false))
            : Fail("actions", $"`{args.Text(0)}` is neither a person (@name, me) nor `overdue`.");
    }

    private static ParseResult ReviewText(CommandArgs args, string section, string problem) =>
        RequiredText(args, section, problem, t => new ReviewTextCommand(section, t));
}
