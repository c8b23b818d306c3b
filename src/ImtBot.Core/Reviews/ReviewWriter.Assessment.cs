using System.Text;
using ImtBot.Core.Incidents;

namespace ImtBot.Core.Reviews;

/// <summary>The declaration's assessment: each answer, and the severity suggested against the one chosen.</summary>
public static partial class ReviewWriter
{
    private static void AssessmentSection(StringBuilder md, ReviewModel r)
    {
        if (r.Assessment is not { } a)
        {
            return;
        }

        Heading(md, "Assessment at declaration");
        Table(md, "Question", "Answer");
        foreach (var answer in a.Answers)
        {
            Row(md, MarkdownText.Inline(answer.Text), answer.Answer);
        }

        md.Append('\n').Append("Severity: ").Append(MarkdownText.Inline(AssessmentText.Outcome(a))).Append(".\n");
    }
}
