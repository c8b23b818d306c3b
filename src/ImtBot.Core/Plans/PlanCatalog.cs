namespace ImtBot.Core.Plans;

/// <summary>The valid plans known right now, and how an incident's type and severity pick one.</summary>
public sealed class PlanCatalog(IReadOnlyList<ResponsePlan> plans)
{
    public static PlanCatalog Empty { get; } = new([]);

    public IReadOnlyList<ResponsePlan> Plans { get; } = plans;

    /// <summary>Every type a declaration may name (plan ids and their <c>types</c>), sorted.</summary>
    public IReadOnlyList<string> Types =>
        Plans.SelectMany(p => p.Types.Prepend(p.Id)).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToArray();

    public bool IsKnownType(string type) =>
        string.Equals(type, ResponsePlan.DefaultId, StringComparison.OrdinalIgnoreCase) || Plans.Any(p => p.AppliesTo(type));

    /// <summary>
    /// The plan for <paramref name="type"/> at <paramref name="severity"/>: the first that names the type and covers the
    /// severity, else the first that names the type, else <c>default</c>, else <see cref="ResponsePlan.Empty"/>.
    /// </summary>
    public ResponsePlan For(string type, int severity)
    {
        var named = Plans.Where(p => p.AppliesTo(type)).ToArray();
        return named.FirstOrDefault(p => p.Covers(severity))
            ?? named.FirstOrDefault()
            ?? Plans.FirstOrDefault(p => p.Id == ResponsePlan.DefaultId)
            ?? ResponsePlan.Empty;
    }
}
