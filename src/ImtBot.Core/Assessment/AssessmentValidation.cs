namespace ImtBot.Core.Assessment;

/// <summary>
/// The start-up check of <c>Incidents:Assessment</c>: every problem at once, each naming the setting and saying what
/// would work. Called by the <c>Incidents</c> validator, which knows the configured severities.
/// </summary>
public static class AssessmentValidation
{
    public static IEnumerable<string> Problems(AssessmentOptions options, IReadOnlyCollection<int> severities)
    {
        const string Section = "Incidents:Assessment";
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Questions.Count; i++)
        {
            var q = options.Questions[i];
            var at = $"{Section}:Questions:{i}";
            if (!IsWord(q.Id))
            {
                yield return $"{at}:Id is \"{q.Id}\": give one lower-case word (letters, digits, - or _), e.g. customers.";
            }
            else if (!ids.Add(q.Id))
            {
                yield return $"{at}:Id \"{q.Id}\" is used by an earlier question: give each question its own id.";
            }

            if (string.IsNullOrWhiteSpace(q.Text))
            {
                yield return $"{at}:Text is empty: write the question the declare form asks.";
            }

            if (q.Answers.Count is 1 or > 10)
            {
                yield return $"{at}:Answers has {q.Answers.Count} answers: give between 2 and 10, e.g. none, some, many, unknown (or none for yes, no, unknown).";
            }

            foreach (var bad in q.Answers.Where(a => !IsWord(a)))
            {
                yield return $"{at}:Answers has \"{bad}\": each answer is one lower-case word (letters, digits, - or _).";
            }
        }

        var known = string.Join(", ", severities.Order().Select(l => "SEV" + l));
        for (var i = 0; i < options.Matrix.Count; i++)
        {
            var rule = options.Matrix[i];
            var at = $"{Section}:Matrix:{i}";
            if (SeverityMatrix.Level(rule.Severity) is not { } level || !severities.Contains(level))
            {
                yield return $"{at}:Severity is \"{rule.Severity}\", which is not a configured severity: use one of {known}.";
            }

            if (rule.When.Count == 0)
            {
                yield return $"{at}:When is empty: name at least one question and its answer, e.g. \"When\": {{ \"data\": \"yes\" }}.";
            }

            foreach (var (id, answer) in rule.When)
            {
                if (options.Find(id) is not { } question)
                {
                    yield return $"{at}:When names the question \"{id}\", which {Section}:Questions does not have: use one of {string.Join(", ", options.Questions.Select(q => q.Id))}.";
                }
                else if (!question.Choices.Contains(answer, StringComparer.OrdinalIgnoreCase))
                {
                    yield return $"{at}:When expects \"{answer}\" for \"{id}\", which is not one of its answers: use one of {string.Join(", ", question.Choices)}.";
                }
            }
        }
    }

    /// <summary>One lower-case word: what an id or answer must be to be typed as <c>id=answer</c>.</summary>
    public static bool IsWord(string? value) =>
        value is { Length: > 0 and <= 32 } && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_');
}
