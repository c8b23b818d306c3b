using System.Globalization;

namespace ImtBot.Core.Commands;

public static partial class CommandParser
{
    /// <summary>
    /// <c>drill</c> (list), <c>drill pause|resume|end</c>, <c>drill inject &lt;n&gt;</c>, or
    /// <c>drill &lt;scenario&gt; [@facilitator]</c>.
    /// </summary>
    /// <summary><c>training</c> or <c>training @user</c> (or <c>me</c>).</summary>
    private static ParseResult Training(CommandArgs args) => args.Count switch
    {
        0 => Ok(new TrainingCommand(null)),
        1 when CommandArgs.User(args[0]) is { } user => Ok(new TrainingCommand(user)),
        _ => Fail("training", "Name one person (`@bob` or `me`), or nobody for everyone."),
    };

    private static ParseResult Drill(CommandArgs args)
    {
        if (args.Count == 0)
        {
            return Ok(new DrillCommand(""));
        }

        var first = args[0].Quoted ? "" : args[0].Value.ToLowerInvariant();
        if (args.Count == 1 && first is DrillControlCommand.Pause or DrillControlCommand.Resume or DrillControlCommand.End)
        {
            return Ok(new DrillControlCommand(first));
        }

        if (first == DrillControlCommand.Fire)
        {
            return args.Count == 2 && CommandArgs.IsDigits(args[1]) && int.TryParse(args[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? Ok(new DrillControlCommand(DrillControlCommand.Fire, n))
                : Fail("drill", "Say which inject to fire now, by its number in the briefing: `drill inject 3`.", 1);
        }

        var facilitator = args.Count > 1 ? CommandArgs.User(args[^1]) : null;
        var scenario = args.Text(0, facilitator is null ? args.Count : args.Count - 1);
        return scenario.Length == 0
            ? Fail("drill", "Name the scenario.")
            : Ok(new DrillCommand(scenario) { Facilitator = facilitator });
    }
}
