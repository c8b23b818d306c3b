using ImtBot.Core.Commands;
using ImtBot.Core.Plans;
using ImtBot.Core.Ports;

namespace ImtBot.Core.Incidents;

public sealed partial class IncidentService
{
    /// <summary>The <c>plan</c> command's answer (read-only, like <c>status</c>): the checklist as of now.</summary>
    private string? PlanReply(Command command, Incident state) => command is PlanCommand ? PlanText.Checklist(state, time.GetUtcNow()) : null;

    /// <summary>The <c>plan</c> answer comes with the checklist card, whose buttons mark tasks done.</summary>
    private static string? ReplyCardFor(Command command) => command is PlanCommand ? ReplyCards.Checklist : null;

    /// <summary>Only a declaration or a type change picks a plan, so only they read the plan files (which may have changed).</summary>
    private static PlanCatalog PlansFor(Command command, IPlanSource? source) =>
        source is not null && command is DeclareCommand or DrillCommand or TypeCommand or AlertCommand { Declare: not null } ? source.Current() : PlanCatalog.Empty;
}
