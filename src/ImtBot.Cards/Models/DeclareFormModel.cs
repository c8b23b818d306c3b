using System.Globalization;
using ImtBot.Core.Incidents;

namespace ImtBot.Cards.Models;

/// <summary>
/// The declare form (<c>declare.json</c>). Teams: an <c>Input.Text</c> with id <c>text</c> and a button whose command is
/// <c>declare</c>, so the adapter sends <c>declare &lt;typed text&gt;</c> (severity and <c>drill</c> typed at the end).
/// Slack: a modal (<c>callback_id</c> <c>declare</c>) with inputs <c>title/text</c>, <c>severity/severity</c> (value
/// <c>sev1</c>…<c>sev4</c>) and <c>drill/drill</c> (checkbox value <c>drill</c>), which the adapter turns into
/// <c>declare &lt;title&gt; &lt;sevN&gt; [drill]</c>.
/// </summary>
public sealed record DeclareFormModel(
    string Text,
    string DeclareCommand,
    IReadOnlyList<SeverityChoice> Severities,
    SeverityChoice DefaultSeverity,
    string Hint)
{
    public static DeclareFormModel From(IncidentOptions options, CardText text)
    {
        var severities = Enumerable.Range(1, 4).Select(level =>
        {
            var policy = options.PolicyFor(level);
            var value = "sev" + level.ToString(CultureInfo.InvariantCulture);
            var label = text.Plain(string.IsNullOrEmpty(policy.Description) ? policy.Name : policy.Name + " — " + policy.Description, 75);
            return new SeverityChoice(label, value, text.Markup(policy.Description, 300));
        }).ToList();
        var fallback = severities[Math.Clamp(options.DefaultSeverity, 1, 4) - 1];
        return new DeclareFormModel(
            "Declare an incident",
            "declare",
            severities,
            fallback,
            "Describe what is broken and who is affected. End with sev1…sev4 to set the severity (default " + fallback.Value + ") and with drill for a practice run.");
    }
}
