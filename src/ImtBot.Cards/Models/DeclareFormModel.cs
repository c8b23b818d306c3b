using System.Globalization;
using ImtBot.Core.Incidents;

namespace ImtBot.Cards.Models;

/// <summary>
/// The declare form (<c>declare.json</c>). Teams: an <c>Input.Text</c> with id <c>text</c> and a button whose command is
/// <c>declare</c>, so the adapter sends <c>declare &lt;typed text&gt;</c> (severity and <c>drill</c> typed at the end).
/// Slack: a modal (<c>callback_id</c> <c>declare</c>) with inputs <c>title/text</c>, <c>severity/severity</c> (value
/// <c>sev1</c>…<c>sev4</c>) and <c>drill/drill</c> (checkbox value <c>drill</c>), which the adapter turns into
/// <c>declare &lt;title&gt; &lt;sevN&gt; [drill]</c>.
/// With <c>Incidents:Assessment</c> on, both ask its questions (inputs <c>answer.&lt;id&gt;</c>, sent as <c>id=answer</c>) and
/// the severity input starts at <see cref="SuggestedValue"/>: the bot takes the severity matrix's suggestion unless the
/// declarer picks a severity, which overrides it.
/// </summary>
public sealed record DeclareFormModel(
    string Text,
    string DeclareCommand,
    IReadOnlyList<SeverityChoice> Severities,
    SeverityChoice DefaultSeverity,
    string Hint)
{
    /// <summary>The severity input's value for "take the severity the answers suggest" (no severity word is sent).</summary>
    public const string SuggestedValue = "suggested";

    /// <summary>The severity input's options: <see cref="Severities"/>, after "suggested by the answers" when questions are asked.</summary>
    public IReadOnlyList<SeverityChoice> SeverityOptions { get; init; } = [];

    /// <summary>The option the severity input starts at: the suggestion when questions are asked, else the default severity.</summary>
    public SeverityChoice? InitialSeverity { get; init; }

    /// <summary>The assessment questions; empty when the assessment is off.</summary>
    public IReadOnlyList<AssessmentQuestionModel> Questions { get; init; } = [];

    public bool HasQuestions => Questions.Count > 0;

    /// <summary>The severity matrix in words (<c>data = yes → SEV1</c>), so the declarer sees what the answers suggest.</summary>
    public string Matrix { get; init; } = "";

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
        var assessment = options.Assessment;
        var questions = assessment.Enabled
            ? assessment.Questions.Select(q => new AssessmentQuestionModel(
                CardCommandText.AnswerPrefix + q.Id,
                text.Plain(q.Text, 150),
                q.Choices.Select(a => new AnswerChoice(text.Plain(a, 75), a)).ToList())).ToList()
            : [];
        var suggested = new SeverityChoice("Suggested by the answers", SuggestedValue, "The severity matrix picks it from the answers.");
        var matrix = string.Join("; ", assessment.Matrix.Select(r => string.Join(" and ", r.When.Select(w => w.Key + " = " + w.Value)) + " → " + r.Severity.ToUpperInvariant()));
        return new DeclareFormModel(
            "Declare an incident",
            "declare",
            severities,
            fallback,
            questions.Count > 0
                ? "Describe what is broken and who is affected, and answer what you know: the bot suggests the severity from the answers (no rule: " + fallback.Value + "). Pick a severity to override it; end with drill for a practice run."
                : "Describe what is broken and who is affected. End with sev1…sev4 to set the severity (default " + fallback.Value + ") and with drill for a practice run.")
        {
            Questions = questions,
            SeverityOptions = questions.Count > 0 ? [suggested, .. severities] : severities,
            InitialSeverity = questions.Count > 0 ? suggested : fallback,
            Matrix = questions.Count > 0 ? text.Markup("Severity matrix: " + matrix + ". The most severe rule that holds wins.", 1000) : "",
        };
    }
}
