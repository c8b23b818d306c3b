using System.Globalization;
using ImtBot.Core.Commands;
using ImtBot.Core.Incidents;
using ImtBot.Core.Reviews;

namespace ImtBot.Cards.Models;

/// <summary>
/// The review form, pre-filled with what is recorded: the overview, what happened (cause), the resolution, when the
/// impact began and when it was detected (<c>yyyy-MM-dd HH:mm</c>, UTC). Slack shows it as a modal
/// (<c>review-form.json</c>, opened by the review card's "Write the review" button); Teams and the console as the review
/// card's "Write the review" panel, whose Save button carries <see cref="Command"/> and <c>form: review</c>.
/// Field ids are <see cref="ReviewFormCommand"/>'s field names on every surface.
/// </summary>
public sealed record ReviewFormModel(
    string Command,
    string Key,
    string Title,
    string Summary,
    string Cause,
    string Resolution,
    string ImpactStart,
    string Detected,
    string CauseHint,
    string TimeHint)
{
    /// <summary>The Slack button's action_id that opens the modal (its value is <see cref="Command"/>).</summary>
    public const string SlackActionId = "review_form";

    /// <summary>The Slack modal's callback_id: its submission is the review form.</summary>
    public const string SlackCallbackId = "review_form";

    /// <summary>The <c>form</c> value on the Teams and console Save button (<see cref="CardActionData.FormKey"/>).</summary>
    public const string FormName = "review";

    public static ReviewFormModel From(Incident incident, CardText text)
    {
        string Written(string section) => incident.Written.TryGetValue(section, out var w) ? text.Plain(w.Text, 3000) : "";
        var identified = incident.CauseNotes.Count > 0 ? incident.CauseNotes[^1].Text : null;
        return new ReviewFormModel(
            "review " + incident.Key,
            incident.Key,
            text.Plain(incident.Key + ": " + incident.Title, 150),
            Written(ReviewSections.Summary),
            Written(ReviewSections.Cause),
            Written(ReviewSections.Resolution),
            incident.ImpactBegan is { } began ? Stamp(began) : "",
            incident.DetectedAt is { } detected ? Stamp(detected) : "",
            text.Plain(identified is null ? "What happened and why: the contributing factors" : "Noted when identified: " + identified, 150),
            "UTC: 2026-11-27 08:55, 08:55 or 20m ago; blank leaves it as it is");
    }

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
