using ImtBot.Core.Assessment;
using ImtBot.Core.Commands;
using ImtBot.Core.Events;

namespace ImtBot.Core.Incidents;

/// <summary>
/// The declaration's assessment: the answers are checked against <c>Incidents:Assessment</c>, the severity matrix
/// suggests a severity, and the declarer's own severity (when given) overrides it. Both are recorded.
/// </summary>
public static partial class IncidentDecider
{
    /// <returns>The event to record (null: no answers given) and the severity to declare at; or the problem with the answers.</returns>
    private static (IncidentAssessed? Assessed, int? Severity, string? Problem) Assess(DeclareCommand command, IncidentOptions options)
    {
        if (command.Answers is not { Count: > 0 } answers)
        {
            return (null, command.Severity, null);
        }

        var assessment = options.Assessment;
        if (!assessment.Enabled || assessment.Questions.Count == 0)
        {
            return (null, null, "This bot asks no assessment questions (Incidents:Assessment): leave out the `question=answer` words.");
        }

        var ids = string.Join(", ", assessment.Questions.Select(q => q.Id));
        foreach (var (id, answer) in answers)
        {
            if (assessment.Find(id) is not { } question)
            {
                return (null, null, $"`{id}` is not an assessment question: answer {ids} (e.g. `{assessment.Questions[0].Id}={assessment.Questions[0].Choices[0]}`).");
            }

            if (!question.Choices.Contains(answer, StringComparer.OrdinalIgnoreCase))
            {
                return (null, null, $"`{answer}` is not an answer to \"{question.Text}\": write {question.Id}={string.Join(", " + question.Id + "=", question.Choices)}.");
            }
        }

        var suggestion = SeverityMatrix.Suggest(assessment, answers);
        var chosen = command.Severity ?? suggestion?.Severity ?? options.DefaultSeverity;
        var given = assessment.Questions
            .Where(q => answers.ContainsKey(q.Id))
            .Select(q => new AssessmentAnswer(q.Id, q.Text, answers[q.Id].ToLowerInvariant()))
            .ToArray();
        return (new IncidentAssessed(given, suggestion?.Severity, suggestion?.Because, chosen), chosen, null);
    }

    /// <summary>What the reply says of the assessment: the suggestion taken, or overridden, or none.</summary>
    private static string AssessmentSentence(IncidentAssessed? assessed) => assessed switch
    {
        null => "",
        { Suggested: null } => $" The assessment suggests no severity (no rule of the matrix holds); declared as SEV{assessed.Chosen}.",
        { Suggested: { } s } when s == assessed.Chosen => $" SEV{s} as the assessment suggests ({assessed.Because}).",
        _ => $" The assessment suggests SEV{assessed.Suggested} ({assessed.Because}); declared as SEV{assessed.Chosen}, as chosen.",
    };
}
