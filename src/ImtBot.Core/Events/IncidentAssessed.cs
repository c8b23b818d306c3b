namespace ImtBot.Core.Events;

/// <summary>
/// The declaration's assessment: each question with its answer, the severity the matrix suggested (null: no rule held)
/// and why, and the severity the declarer chose — the suggestion confirmed, or overridden.
/// </summary>
public sealed record IncidentAssessed(IReadOnlyList<AssessmentAnswer> Answers, int? Suggested, string? Because, int Chosen) : EventData;

/// <summary>A question (its id and its text when asked) and the answer given.</summary>
public sealed record AssessmentAnswer(string Question, string Text, string Answer);
