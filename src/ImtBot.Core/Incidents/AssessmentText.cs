using ImtBot.Core.Events;

namespace ImtBot.Core.Incidents;

/// <summary>The words for an assessment, the same in the timeline, the review and the cards.</summary>
public static class AssessmentText
{
    /// <summary><c>assessed the incident (customers = many, data = no): SEV1 suggested (customers = many), SEV2 chosen</c>.</summary>
    public static string Describe(IncidentAssessed a) =>
        $"assessed the incident ({Answers(a)}): {Outcome(a)}";

    /// <summary><c>customers = many, data = no</c>.</summary>
    public static string Answers(IncidentAssessed a) => string.Join(", ", a.Answers.Select(x => $"{x.Question} = {x.Answer}"));

    /// <summary>The suggestion and the choice: confirmed, overridden, or no suggestion.</summary>
    public static string Outcome(IncidentAssessed a) => a.Suggested switch
    {
        null => $"no severity suggested, SEV{a.Chosen} chosen",
        { } s when s == a.Chosen => $"SEV{s} suggested ({a.Because}) and confirmed",
        { } s => $"SEV{s} suggested ({a.Because}), overridden with SEV{a.Chosen}",
    };
}
