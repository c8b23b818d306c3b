using ImtBot.Core.Plans;

namespace ImtBot.Core.Ports;

/// <summary>Where the response plans come from (files in the host); read at each declaration and type change.</summary>
public interface IPlanSource
{
    /// <summary>The plans valid now: an edited file that does not validate leaves its previous version in place.</summary>
    PlanCatalog Current();
}
