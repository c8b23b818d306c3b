namespace ImtBot.Core.Commands;

/// <summary><c>drill pause</c>, <c>drill resume</c>, <c>drill end</c>, <c>drill inject &lt;n&gt;</c> (the facilitator's controls).</summary>
public sealed record DrillControlCommand(string Action, int? Inject = null) : Command
{
    public const string Pause = "pause";
    public const string Resume = "resume";
    public const string End = "end";
    public const string Fire = "inject";
}
