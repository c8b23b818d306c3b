namespace ImtBot.Core.Compliance;

/// <summary>
/// What a stage's clock runs from: the awareness time of <c>regulated</c>, the <c>classified major</c> or the
/// <c>material</c> decision, or (any other word) the recorded submission of an earlier stage of the same regime.
/// </summary>
public static class ClockStarts
{
    public const string Aware = "aware";
    public const string Classified = "classified";
    public const string Material = "material";

    /// <summary>The decisions a regime's clocks may start with.</summary>
    public static IReadOnlyList<string> Decisions { get; } = [Aware, Classified, Material];

    public static bool IsDecision(string start) => Decisions.Contains(start, StringComparer.Ordinal);

    /// <summary>For people: "awareness", "classification as major", "the materiality determination", "the X submission".</summary>
    public static string Describe(string start, Func<string, string>? stageName = null) => start switch
    {
        Aware => "awareness",
        Classified => "classification as major",
        Material => "the materiality determination",
        _ => $"the {stageName?.Invoke(start) ?? start} submission",
    };
}
