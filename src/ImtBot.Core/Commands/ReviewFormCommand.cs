namespace ImtBot.Core.Commands;

/// <summary>
/// The review form submitted (Slack modal, Teams card, console): the overview, what happened, the resolution, when the
/// impact began and when it was detected, as typed. A blank field is left as it is; the decider records only what
/// changed, as the <c>summary</c>, <c>cause</c>, <c>resolution</c>, <c>impact</c> and <c>detected</c> commands would.
/// </summary>
public sealed record ReviewFormCommand(string? Summary, string? Cause, string? Resolution, string? ImpactStart, string? Detected) : Command
{
    /// <summary>The form's field names, the same on every surface (input ids, Slack block ids).</summary>
    public const string SummaryField = "summary";
    public const string CauseField = "cause";
    public const string ResolutionField = "resolution";
    public const string ImpactField = "impact";
    public const string DetectedField = "detected";
}
