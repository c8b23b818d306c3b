namespace ImtBot.Core.Commands;

/// <summary>The review's facts and words: <c>impact</c>, <c>detected</c>, <c>summary</c>, <c>cause</c>, <c>resolution</c>.</summary>
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

    private static ParseResult ReviewText(CommandArgs args, string section, string problem) =>
        RequiredText(args, section, problem, t => new ReviewTextCommand(section, t));
}
