using ImtBot.Core.Commands;
using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Plans;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Incidents;

/// <summary>
/// The response plan: the type picks it at declaration and on <c>type</c>; tasks are done, skipped, assigned and added
/// here; open required tasks block resolve (review tasks block close) until done, skipped with a reason, or overridden
/// by the commander or an admin with a reason.
/// </summary>
/// <remarks>
/// Who may do what: anyone may add a task; a task is done or skipped by its owner (its assignee or the holder of its
/// role) or by whoever may govern the incident; a task is assigned by whoever may govern, by its owner handing it on,
/// or by anyone taking an unowned task for themselves; the type is changed by whoever may govern; only the commander
/// or an admin overrides.
/// </remarks>
public static partial class IncidentDecider
{
    /// <summary>The plan event of a declaration, or a rejection naming the known types.</summary>
    private static (PlanAdopted? Adopted, string? Problem) PlanAtDeclaration(string? type, int severity, CommandContext context)
    {
        var name = (type ?? ResponsePlan.DefaultId).Trim().ToLowerInvariant();
        return context.Plans.IsKnownType(name)
            ? (new PlanAdopted(name, context.Plans.For(name, severity), null), null)
            : (null, UnknownType(name, context.Plans));
    }

    private static string UnknownType(string type, PlanCatalog plans) =>
        $"There is no incident type `{type}`: use one of {string.Join(", ", plans.Types.DefaultIfEmpty(ResponsePlan.DefaultId).Select(t => $"`{t}`"))} (each has a plan in the plans folder).";

    /// <summary><c> Plan: Service outage, 7 tasks (`/incident plan`).</c>, or nothing for an empty plan.</summary>
    private static string PlanSentence(PlanAdopted adopted) =>
        adopted.Plan.Tasks.Count == 0 ? "" : $" Plan: {adopted.Plan.Title}, {adopted.Plan.Tasks.Count} tasks (`/incident plan`).";

    private static Decision ChangeType(Incident state, TypeCommand command, CommandContext context)
    {
        var type = command.Type.Trim().ToLowerInvariant();
        if (!MayGovern(state, context.Actor, context.Options))
        {
            return NotAllowed(state, "change the type of");
        }

        if (!context.Plans.IsKnownType(type))
        {
            return Decision.Reject(UnknownType(type, context.Plans));
        }

        var plan = context.Plans.For(type, state.Severity);
        if (type == state.Type && plan.SameAs(state.Plan))
        {
            return Decision.Reject($"{state.Key} is already of type `{type}` with the plan \"{plan.Title}\".");
        }

        var kept = state.Tasks.Count(t => !t.IsOpen);
        var added = plan.Tasks.Count(p => !state.Tasks.Any(t => t.Task.Id == p.Id && !t.IsOpen));
        return Decision.Accept(
            $"{state.Key} is now of type `{type}`: plan \"{plan.Title}\" ({added} new tasks, {kept} finished tasks kept). `/incident plan` shows the checklist.",
            [new PlanAdopted(type, plan, state.Type)],
            [new SyncIncidentCard(), .. AdoptedPlanSteps(state, plan, context.Now)]);
    }

    private static Decision CompleteTask(Incident state, TaskDoneCommand command, CommandContext context)
    {
        if (FindOpenTask(state, command.Number, context, "mark done") is { } problem)
        {
            return problem;
        }

        var task = state.TaskNumber(command.Number)!;
        var late = state.IsOverdue(task, context.Now) ? " (late)" : "";
        var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        return Decision.Accept($"Task {task.Number} of {state.Key} is done{late}: {task.Task.Text}{Remaining(state, task)}", [new PlanTaskDone(task.Task.Id, note)], [new SyncIncidentCard()]);
    }

    private static Decision SkipTask(Incident state, TaskSkipCommand command, CommandContext context)
    {
        if (FindOpenTask(state, command.Number, context, "skip") is { } problem)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            return Decision.Reject($"Say why task {command.Number} is skipped: `/incident task skip {command.Number} <reason>`.");
        }

        var task = state.TaskNumber(command.Number)!;
        return Decision.Accept($"Task {task.Number} of {state.Key} is skipped: {task.Task.Text}{Remaining(state, task)}", [new PlanTaskSkipped(task.Task.Id, command.Reason.Trim())], [new SyncIncidentCard()]);
    }

    private static Decision AssignTask(Incident state, TaskAssignCommand command, CommandContext context)
    {
        if (state.TaskNumber(command.Number) is not { } task)
        {
            return NoSuchTask(state, command.Number);
        }

        if (!task.IsOpen)
        {
            return Decision.Reject($"Task {task.Number} of {state.Key} is {task.State.ToString().ToLowerInvariant()} already; only open tasks are assigned.");
        }

        var user = Resolve(command.User, context.Actor);
        var owner = state.TaskOwner(task);
        var mayAssign = MayGovern(state, context.Actor, context.Options) || context.Actor.Equals(owner) || (owner is null && user.Equals(context.Actor));
        if (!mayAssign)
        {
            return Decision.Reject($"Task {task.Number} is {owner}'s: they or the commander can give it to someone else. You can add your own with `/incident task add <text> me`.");
        }

        var effects = new List<Effect> { new SyncIncidentCard() };
        if (!user.Equals(context.Actor))
        {
            effects.Add(new NotifyUser(user, $"{context.Actor} gave you task {task.Number} on {state.Key}: {task.Task.Text}{DueText(state, task)}. Mark it done with `/incident task {state.Key} done {task.Number}`."));
        }

        return Decision.Accept($"Task {task.Number} of {state.Key} is now {user}'s: {task.Task.Text}.", [new PlanTaskAssigned(task.Task.Id, user)], effects);
    }

    private static Decision AddTask(Incident state, TaskAddCommand command, CommandContext context)
    {
        var text = command.Text.Trim();
        if (text.Length == 0)
        {
            return Decision.Reject("Describe the task: `/incident task add <text> [@owner] [due <duration>]`, e.g. `/incident task add Check replica lag @bob due 15m`.");
        }

        var owner = command.Owner is null ? null : Resolve(command.Owner, context.Actor);
        var id = "added-" + (state.Tasks.Count(t => t.Custom) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var phase = state.Phase == PlanPhases.Review ? PlanPhases.Review : state.Phase;
        var task = new PlanTask(id, phase, text, null, command.DueMinutes, PlanDueFrom.Declared, false, null, null);
        var effects = new List<Effect> { new SyncIncidentCard() };
        var number = state.TasksNumbered + 1;
        if (owner is not null && !owner.Equals(context.Actor))
        {
            effects.Add(new NotifyUser(owner, $"{context.Actor} gave you task {number} on {state.Key}: {text}. Mark it done with `/incident task {state.Key} done {number}`."));
        }

        var due = command.DueMinutes is { } m ? $", due {Clock(context.Now.AddMinutes(m))}" : "";

        return Decision.Accept($"Task {number} added to {state.Key} ({PlanPhases.Title(phase)}{(owner is null ? "" : $", {owner}")}{due}).", [new PlanTaskAdded(task, owner)], effects);
    }

    private static Decision OverridePlan(Incident state, TaskOverrideCommand command, CommandContext context)
    {
        var actor = context.Actor;
        if (!actor.Equals(state.Commander) && !state.Admins.Contains(actor.Id, StringComparer.Ordinal) && !context.Options.IsAdmin(actor))
        {
            return Decision.Reject(state.Commander is { } c
                ? $"Only the commander ({c}) or an admin can override the plan of {state.Key}."
                : $"Only the commander or an admin can override the plan of {state.Key}: take command first with `/incident lead`.");
        }

        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            return Decision.Reject("Say why the required tasks can be left open: `/incident task override <reason>`.");
        }

        var blocking = state.Tasks.Where(t => t.Blocks).ToArray();
        if (blocking.Length == 0)
        {
            return Decision.Reject($"{state.Key} has no open required task: nothing to override.");
        }

        return Decision.Accept(
            $"Override recorded for {state.Key}: {Numbers(blocking)} no longer block resolve or close. The review lists it.",
            [new PlanOverridden(blocking.Select(t => t.Task.Id).ToArray(), command.Reason.Trim())],
            [new SyncIncidentCard()]);
    }

    /// <summary>A rejection when open required tasks stop this move (resolve: all but review tasks; close: all); else null.</summary>
    private static Decision? PlanBlock(Incident state, Command command, CommandContext context)
    {
        var closing = command is CloseCommand or TransitionCommand { Target: IncidentStatus.Closed };
        var resolving = command is TransitionCommand { Target: IncidentStatus.Resolved };
        if (!(closing || resolving) || !MayGovern(state, context.Actor, context.Options))
        {
            return null;
        }

        var blocking = state.Tasks.Where(t => t.Blocks && (closing || t.Task.Phase != PlanPhases.Review)).ToArray();
        if (blocking.Length == 0)
        {
            return null;
        }

        var first = blocking[0].Number;
        var list = string.Join("; ", blocking.Take(5).Select(t => $"{t.Number} {t.Task.Text}")) + (blocking.Length > 5 ? $"; and {blocking.Length - 5} more" : "");
        return Decision.Reject(
            $"{state.Key} cannot be {(closing ? "closed" : "resolved")} yet: {blocking.Length} required task{(blocking.Length == 1 ? " is" : "s are")} open ({list}). " +
            $"Mark each done (`/incident task done {first}`), skip it with a reason (`/incident task skip {first} <reason>`), " +
            "or, as commander or admin, override with a reason (`/incident task override <reason>`).");
    }

    private static Decision? FindOpenTask(Incident state, int number, CommandContext context, string what)
    {
        if (state.TaskNumber(number) is not { } task)
        {
            return NoSuchTask(state, number);
        }

        if (!task.IsOpen)
        {
            return Decision.Reject($"Task {number} of {state.Key} is {task.State.ToString().ToLowerInvariant()} already ({task.By}, {Clock(task.At!.Value)}).");
        }

        var owner = state.TaskOwner(task);
        var holdsRole = task.Task.Owner is { } role && state.Roles.TryGetValue(role, out var holder) && holder.User.Equals(context.Actor);
        if (context.Actor.Equals(owner) || holdsRole || MayGovern(state, context.Actor, context.Options))
        {
            return null;
        }

        return Decision.Reject($"Task {number} is for {owner?.ToString() ?? "the " + task.Task.Owner} ({task.Task.Owner ?? "no role"}): they or the commander can {what} it. Ask them, or have it given to you with `/incident task assign {number} me`.");
    }

    private static Decision NoSuchTask(Incident state, int number) =>
        Decision.Reject(state.Tasks.Count == 0
            ? $"{state.Key} has no tasks: its type `{state.Type}` has an empty plan. Add one with `/incident task add <text>`."
            : $"{state.Key} has no task {number}: its tasks are numbered {string.Join(", ", state.Tasks.Select(t => t.Number))} (`/incident plan` lists them).");

    private static string Remaining(Incident state, IncidentTask finished)
    {
        var open = state.Tasks.Count(t => t.IsOpen && t.Number != finished.Number);
        return open == 0 ? ". Every task is finished." : $". {open} open (`/incident plan`).";
    }

    private static string DueText(Incident state, IncidentTask task) => state.DueAt(task) is { } due ? $" (due {Clock(due)})" : "";

    private static string Numbers(IReadOnlyList<IncidentTask> tasks) =>
        (tasks.Count == 1 ? "task " : "tasks ") + string.Join(", ", tasks.Select(t => t.Number));
}
