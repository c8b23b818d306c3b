using ImtBot.Core.Commands;
using ImtBot.Core.Incidents;

namespace ImtBot.Cards;

/// <summary>
/// The one rule that turns a submitted review form into a <see cref="ReviewFormCommand"/>, on every surface: the submit
/// button's command names the incident (<c>review INC-42</c>), the inputs are read by their field names. Adapters read
/// their wire format (Slack view state, Teams action data, console action data) into a field lookup and call
/// <see cref="Read"/>; what changed and whether the times are valid is the decider's to say.
/// </summary>
public static class ReviewFormSubmission
{
    public static IReadOnlyList<string> Fields { get; } =
        [ReviewFormCommand.SummaryField, ReviewFormCommand.CauseField, ReviewFormCommand.ResolutionField, ReviewFormCommand.ImpactField, ReviewFormCommand.DetectedField];

    /// <returns>The command, or null when <paramref name="command"/> names no incident.</returns>
    public static ReviewFormCommand? Read(string? command, Func<string, string?> field)
    {
        var words = (command ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length != 2 || !words[0].Equals("review", StringComparison.OrdinalIgnoreCase) || !IncidentKey.TryParse(words[1], out var number))
        {
            return null;
        }

        return new ReviewFormCommand(
            field(ReviewFormCommand.SummaryField),
            field(ReviewFormCommand.CauseField),
            field(ReviewFormCommand.ResolutionField),
            field(ReviewFormCommand.ImpactField),
            field(ReviewFormCommand.DetectedField))
        { Incident = number };
    }
}
