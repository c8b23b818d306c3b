using ImtBot.Core.Incidents;

namespace ImtBot.Core.Plans;

/// <summary>
/// The phases of a response plan, in order. A phase is entered when the incident first reaches its status: detect and
/// assess at declaration, respond at the first move past Declared, recover at Mitigated, review at Resolved.
/// </summary>
public static class PlanPhases
{
    public const string Detect = "detect";
    public const string Assess = "assess";
    public const string Respond = "respond";
    public const string Recover = "recover";
    public const string Review = "review";

    public static IReadOnlyList<string> All { get; } = [Detect, Assess, Respond, Recover, Review];

    public static bool IsKnown(string? phase) => phase is not null && All.Contains(phase);

    /// <summary>The position of a phase in <see cref="All"/> (an unknown phase sorts last).</summary>
    public static int Order(string phase)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i] == phase)
            {
                return i;
            }
        }

        return All.Count;
    }

    /// <summary>The phase an incident in <paramref name="status"/> has reached.</summary>
    public static string Reached(IncidentStatus status) => status switch
    {
        IncidentStatus.Declared => Assess,
        IncidentStatus.Investigating or IncidentStatus.Identified => Respond,
        IncidentStatus.Mitigated => Recover,
        _ => Review,
    };

    /// <summary>Display name: <c>Respond</c>.</summary>
    public static string Title(string phase) => phase.Length == 0 ? phase : char.ToUpperInvariant(phase[0]) + phase[1..];
}
