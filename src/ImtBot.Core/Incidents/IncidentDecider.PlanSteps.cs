using ImtBot.Core.Commands;
using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Paging;
using ImtBot.Core.Plans;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Incidents;

/// <summary>
/// The automatic steps of plan tasks (<c>auto: {page: ops}</c>, <c>{update: …}</c>, <c>{oncall: …}</c>,
/// <c>{clock: …}</c>). Entering a task's phase — the declaration enters detect and assess, a status change the later
/// phases, a type change the phases already entered — schedules a timer (<see cref="TimerKeys.PlanStep"/>) due at once;
/// when it fires the bot runs the step through the same decision as the command a person would type (<c>page</c>,
/// <c>update</c>, <c>regulated</c>), records it as its own act, and marks the task done. A step is tried once per
/// incident: a redelivered timer, a restart, re-entering a phase or another type change finds it tried and does
/// nothing. A step that cannot run leaves the task open with the problem on the checklist and in the channel; it never
/// stops the command that entered the phase.
/// </summary>
public static partial class IncidentDecider
{
    /// <summary>The steps of the tasks of <paramref name="plan"/> in the phases a declaration enters.</summary>
    private static IEnumerable<Effect> DeclarationPlanSteps(ResponsePlan? plan, DateTimeOffset now) =>
        StepTimers((plan?.Tasks ?? []).Where(t => t.Phase is PlanPhases.Detect or PlanPhases.Assess), now);

    /// <summary>After a type change: the new plan's steps in phases already entered, unless the task is finished or its step was tried.</summary>
    private static IEnumerable<Effect> AdoptedPlanSteps(Incident state, ResponsePlan plan, DateTimeOffset now) =>
        StepTimers(
            plan.Tasks.Where(t => state.PhaseStarted(t.Phase) is not null
                && !state.Tasks.Any(s => s.Task.Id == t.Id && !s.IsOpen)
                && state.PlanStepOf(t.Id) is null),
            now);

    /// <summary>A status change that enters a phase runs the steps of that phase's open tasks.</summary>
    private static Decision WithPlanSteps(Incident state, Decision decision, CommandContext context)
    {
        if (!decision.Accepted || decision.Events.OfType<StatusChanged>().LastOrDefault() is not { } moved)
        {
            return decision;
        }

        var reached = PlanPhases.Order(PlanPhases.Reached(moved.To));
        var timers = StepTimers(
            state.Tasks.Where(t => t.IsOpen && state.PhaseStarted(t.Task.Phase) is null && PlanPhases.Order(t.Task.Phase) <= reached && state.PlanStepOf(t.Task.Id) is null)
                .Select(t => t.Task),
            context.Now).ToArray();
        return timers.Length == 0 ? decision : decision with { Effects = [.. decision.Effects, .. timers] };
    }

    /// <summary><c> Automatic steps at once: page ops, start the gdpr clocks.</c> for the declared phases' steps; empty when there are none.</summary>
    private static string StepsSentence(ResponsePlan? plan)
    {
        var steps = (plan?.Tasks ?? []).Where(t => t.Auto is not null && t.Phase is PlanPhases.Detect or PlanPhases.Assess).Select(t => Describe(t.Auto!)).ToArray();
        return steps.Length == 0 ? "" : $" Automatic steps now: {string.Join(", ", steps)}.";
    }

    private static IEnumerable<Effect> StepTimers(IEnumerable<PlanTask> tasks, DateTimeOffset now) =>
        tasks.Where(t => t.Auto is not null).Select(t => (Effect)new ScheduleTimer(TimerKeys.PlanStep(t.Id), now));

    /// <summary>The step's timer fired: run it once, by the bot, and mark the task done; or record why it could not run.</summary>
    private static Decision OnPlanStep(Incident state, string taskId, CommandContext context)
    {
        var task = state.Tasks.FirstOrDefault(t => t.Task.Id == taskId);
        if (task is not { IsOpen: true, Task.Auto: { } step } || state.PlanStepOf(taskId) is not null || state.PhaseStarted(task.Task.Phase) is null)
        {
            return Nothing;
        }

        var bot = context with { Actor = UserRef.System };
        var (tried, outcome) = step.Kind switch
        {
            PlanAutomation.Page => StepPage(state, step.Role ?? "", bot),
            PlanAutomation.Update => StepUpdate(state, step.Text ?? "", bot),
            PlanAutomation.OnCall => StepOnCall(state, step.Role ?? "", bot),
            PlanAutomation.Clock => StepClock(state, task, step.Text ?? "", bot),
            _ => (Decision.Reject($"there is no automatic step '{step.Kind}'."), null),
        };

        if (!tried.Accepted)
        {
            var problem = tried.Reply;
            var text = $"The response plan could not {Describe(step)} for task {task.Number} of {state.Key} ({task.Task.Text}): {problem} " +
                $"Do it by hand, then `/incident task {state.Key} done {task.Number}`.";
            return Decision.Accept(text, [new PlanStepFailed(taskId, step.Kind, problem)], [new PostToChannel(text), new SyncIncidentCard()]);
        }

        var effects = tried.Effects.ToList();
        if (!effects.OfType<SyncIncidentCard>().Any())
        {
            effects.Add(new SyncIncidentCard());
        }

        return Decision.Accept(
            $"Task {task.Number} of {state.Key} done by the response plan: {outcome}.",
            [new PlanStepRan(taskId, step.Kind, outcome!), .. tried.Events, new PlanTaskDone(taskId, outcome)],
            effects);
    }

    /// <summary>Pages the role's on-call list as <c>page &lt;role&gt;</c> does; a role already held or being paged needs no page.</summary>
    private static (Decision, string?) StepPage(Incident state, string wanted, CommandContext context)
    {
        var role = state.RoleName(wanted) ?? wanted;
        if (state.Holder(role) is { } holder)
        {
            return (Nothing, $"{role} is held by {holder}, so nobody was paged");
        }

        if (state.OpenPages.FirstOrDefault(p => string.Equals(p.Role, role, StringComparison.OrdinalIgnoreCase)) is { } open)
        {
            return (Nothing, $"{open.To} was already being paged for {role}");
        }

        var paged = PageSomeone(state, new PageCommand(role, null, $"{state.Key}: {state.Title} ({state.Policy.Name})"), context);
        return (paged, paged.Events.OfType<PageSent>().FirstOrDefault() is { } sent ? $"paged {sent.To} ({role} on call)" : null);
    }

    /// <summary>Posts the template, filled with the incident's facts, as <c>update &lt;text&gt;</c> does.</summary>
    private static (Decision, string?) StepUpdate(Incident state, string template, CommandContext context)
    {
        var text = PlanTemplate.Fill(template, state);
        if (text.Length > MaxTextLength)
        {
            return (Decision.Reject($"the update is {text.Length:N0} characters long once filled in; keep the template under {MaxTextLength:N0}."), null);
        }

        return (PostUpdate(state, new UpdateCommand(text), context), $"posted the update \"{text}\"");
    }

    /// <summary>Gives the role to the first person on its on-call list (no page: being on call is the agreement to take it).</summary>
    private static (Decision, string?) StepOnCall(Incident state, string wanted, CommandContext context)
    {
        if (state.RoleName(wanted) is not { } role)
        {
            return (Decision.Reject($"{state.Key} has no role \"{wanted}\": its roles are {string.Join(", ", state.RoleNames)}."), null);
        }

        if (state.Holder(role) is { } holder)
        {
            return (Nothing, $"{role} was held by {holder} already");
        }

        var list = OnCallFor(state, role, context);
        if (list.Count == 0)
        {
            return (Decision.Reject($"There is no on-call list for {role}: set one with `/incident oncall {role} @a @b`, or give the role with `/incident role {role} @user`."), null);
        }

        var person = list[0];
        var events = new List<EventData>();
        SnapshotOnCall(state, role, list, events);
        events.Add(new RoleAssigned(role, person));
        Effect[] effects =
        [
            new InviteUsers([person]),
            new NotifyUser(person, $"You are now {role} on {state.Key} ({state.Title}): you are first on the {role} on-call list, and its response plan gives you the role. Join its channel."),
            new PostToChannel($"{person} is now {role} (first on the {role} on-call list; given by the response plan)."),
            new SyncIncidentCard(),
        ];
        return (Decision.Accept($"{person} is now {role}.", events, effects), $"made {person} {role} (first on the {role} on-call list)");
    }

    /// <summary>Starts the regime's clocks as <c>regulated &lt;regime&gt;</c> does, aware from now.</summary>
    private static (Decision, string?) StepClock(Incident state, IncidentTask task, string regime, CommandContext context)
    {
        if (context.Compliance.Definition(regime) is not { } rule)
        {
            return (UnknownRegime(regime, context), null);
        }

        if (state.Regime(rule.Id) is { Applies: true } on)
        {
            return (Nothing, $"{rule.Name} was running already (aware since {Compliance.ComplianceText.Time(on.AwareAt)} UTC)");
        }

        // A person's decision that the regime does not apply (made before or after any start) outranks the plan.
        var latest = state.Replayed.Select(e => e.Data).LastOrDefault(d =>
            (d is RegimeStarted r && string.Equals(r.Regime, rule.Id, StringComparison.OrdinalIgnoreCase))
            || (d is RegimeNotApplicable n && string.Equals(n.Regime, rule.Id, StringComparison.OrdinalIgnoreCase)));
        if (latest is RegimeNotApplicable)
        {
            return (Decision.Reject($"a decision on record says {rule.Name} does not apply to {state.Key}, so its clocks were not started (`/incident regulated {rule.Id}` starts them)."), null);
        }

        var started = Regulated(state, new RegulatedCommand(rule.Id, null, $"started by the response plan (task {task.Number}: {task.Task.Text})"), context);
        return (started, $"started the {rule.Name} clocks (`/incident compliance`)");
    }

    private static string Describe(PlanAutomation step) => step.Kind switch
    {
        PlanAutomation.Page => $"page {step.Role}",
        PlanAutomation.Update => "post a stakeholder update",
        PlanAutomation.OnCall => $"give {step.Role} to the person on call",
        PlanAutomation.Clock => $"start the {step.Text} clocks",
        _ => $"run the step '{step.Kind}'",
    };
}
