using ImtBot.Core.Commands;
using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Paging;

namespace ImtBot.Core.Incidents;

public static partial class IncidentDecider
{
    /// <summary>A severity change needs a reason and re-snapshots the new severity's policy from configuration.</summary>
    private static Decision ChangeSeverity(Incident state, SeverityCommand command, CommandContext context)
    {
        if (!MayGovern(state, context.Actor, context.Options))
        {
            return NotAllowed(state, "change the severity of");
        }

        if (!IsKnownSeverity(context.Options, command.Level))
        {
            return Decision.Reject($"There is no severity SEV{command.Level}: use one of {string.Join(", ", KnownSeverities(context.Options))}, e.g. `/incident sev 2 <reason>`.");
        }

        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            return Decision.Reject($"Say why the severity changes: `/incident sev {command.Level} <reason>`.");
        }

        if (command.Level == state.Severity)
        {
            return Decision.Reject($"{state.Key} is already {state.Policy.Name}.");
        }

        var policy = context.Options.PolicyFor(command.Level);
        var reason = command.Reason.Trim();
        var text = $"{state.Key} severity {state.Policy.Name} → {policy.Name} (by {context.Actor}): {reason}";
        var effects = new List<Effect> { new SyncIncidentCard(), new PostToChannel(text) };
        if (command.Level < state.Severity)
        {
            effects.Add(new Announce(text));
        }

        return Decision.Accept(
            $"{state.Key} is now {policy.Name}.",
            [new SeverityChanged(state.Severity, command.Level, reason, policy)],
            effects);
    }
}
