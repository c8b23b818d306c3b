namespace ImtBot.Core.Incidents;

public static partial class IncidentDecider
{
    /// <summary>
    /// The type something configured (an alert route, a drill scenario) asks for, so that type's response plan runs.
    /// A type no plan knows (its plan file removed or never written) must not stop the declaration — an alert would be
    /// lost, a drill would not start — so the default plan applies and the sentence saying so is returned.
    /// </summary>
    /// <param name="asker">Who asked, capitalised for the start of a sentence: "The alert route".</param>
    private static (string? Type, string? Unknown) KnownTypeOrDefault(string? type, string asker, CommandContext context) =>
        type is null || context.Plans.IsKnownType(type)
            ? (type, null)
            : (null, $"{asker} asks for type `{type}`, which no response plan names, so the default plan applies; `/incident type <type>` changes it (types: {string.Join(", ", context.Plans.Types.DefaultIfEmpty(Plans.ResponsePlan.DefaultId))}).");
}
