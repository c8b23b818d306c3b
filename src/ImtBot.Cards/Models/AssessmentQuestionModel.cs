namespace ImtBot.Cards.Models;

/// <summary>
/// An assessment question on the declare form: <see cref="InputId"/> is <c>answer.&lt;id&gt;</c> (Teams input id, Slack
/// block and action id), which <see cref="CardCommandText"/> turns into <c>&lt;id&gt;=&lt;answer&gt;</c>.
/// </summary>
public sealed record AssessmentQuestionModel(string InputId, string Label, IReadOnlyList<AnswerChoice> Choices);

/// <summary>One answer to pick: the words shown and the value sent.</summary>
public sealed record AnswerChoice(string Title, string Value);
