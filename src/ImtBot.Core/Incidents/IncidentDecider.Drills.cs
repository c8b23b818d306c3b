using ImtBot.Core.Commands;
using ImtBot.Core.Drills;
using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Paging;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Incidents;

/// <summary>
/// Drills: starting one from a scenario, its injects (durable timers, each posted once), the facilitator's controls,
/// the end (score card, hot wash) and the DRILL marker on every message a drill sends.
/// </summary>
public static partial class IncidentDecider
{
    private static Decision StartDrill(DrillScenario scenario, DrillCommand command, CommandContext context)
    {
        var (planType, unknownType) = KnownTypeOrDefault(scenario.Type, $"The scenario \"{scenario.Id}\"", context);
        var declared = DeclareNew(scenario.Title, scenario.Severity, IncidentKind.Drill, scenario.Id, context, planType);
        if (!declared.Accepted)
        {
            return declared;
        }

        var key = IncidentKey.Format(context.NewNumber);
        var facilitator = command.Facilitator is { } f ? Resolve(f, context.Actor) : context.Actor;
        var effects = declared.Effects.ToList();
        effects.Add(new PostToChannel(
            $"{DrillText.Marker} · This is an exercise, not a real outage. Scenario: {scenario.Title}" +
            (scenario.Type is { } type ? $" (type {type})" : "") + $". {facilitator} facilitates. " +
            "Messages from named sources will arrive here: respond as you would for real (`/incident lead`, `page`, `update`, `identified`…)."));
        if (unknownType is not null)
        {
            effects.Add(new PostToChannel($"{DrillText.Marker} · {unknownType}"));
        }

        if (!facilitator.Equals(context.Actor))
        {
            effects.Add(new InviteUsers([facilitator]));
        }

        effects.Add(new NotifyUser(facilitator, DrillText.Briefing(key, scenario)));
        foreach (var inject in scenario.Injects.Where(i => i.At is not null))
        {
            effects.Add(new ScheduleTimer(TimerKeys.DrillInject(inject.Number), context.Now + inject.At!.Value));
        }

        return Decision.Accept(
            declared.Reply + (unknownType is null ? "" : " " + unknownType) + $" Scenario \"{scenario.Id}\": {scenario.Injects.Count} injects, {scenario.Expected.Count} expected actions; {facilitator} facilitates.",
            [.. declared.Events, new DrillStarted(scenario, facilitator)],
            effects);
    }

    private static Decision OnDrillTimer(Incident state, int number, CommandContext context)
    {
        if (state.Drill is not { IsRunning: true, IsPaused: false } run
            || run.Fired.ContainsKey(number)
            || !run.Due.TryGetValue(number, out var due)
            || context.Now < due)
        {
            // Paused, ended, posted already, or moved later by a pause (the timer of its new time will come).
            return Nothing;
        }

        return FireInject(state, run, number, byFacilitator: false);
    }

    private static Decision FireInject(Incident state, DrillRun run, int number, bool byFacilitator)
    {
        var inject = run.Scenario.Inject(number)!;
        var effects = new List<Effect> { new PostToChannel(DrillText.Inject(run.Scenario, inject)) };
        if (inject.FacilitatorNote is { } note)
        {
            effects.Add(new NotifyUser(run.Facilitator, $"{DrillText.Marker} {state.Key} · inject {number} ({inject.Source}) is posted. Your note: {note}"));
        }

        return Decision.Accept($"Posted inject {number} ({inject.Source}) in {state.Key}.", [new DrillInjectFired(number, byFacilitator)], effects);
    }

    private static Decision ControlDrill(Incident state, DrillControlCommand command, CommandContext context)
    {
        if (state.Drill is not { } run)
        {
            return Decision.Reject($"{state.Key} is not a scripted drill, so there is nothing to {command.Action}. `/incident drill` lists the scenarios; `/incident drill <scenario>` starts one.");
        }

        if (!run.Facilitator.Equals(context.Actor) && !state.Admins.Contains(context.Actor.Id, StringComparer.Ordinal) && !context.Options.IsAdmin(context.Actor))
        {
            return Decision.Reject($"Only the facilitator ({run.Facilitator}) or an admin can {command.Action} the drill in {state.Key}.");
        }

        if (!run.IsRunning)
        {
            return Decision.Reject($"The drill in {state.Key} has ended. Add to the hot wash with `/incident hotwash <text>`; the report is at /api/incidents/{state.Number}/aar.md.");
        }

        var now = context.Now;
        switch (command.Action)
        {
            case DrillControlCommand.Pause when run.PausedAt is { } since:
                return Decision.Reject($"The drill in {state.Key} is already paused (since {Clock(since)}); `/incident drill resume` restarts it.");
            case DrillControlCommand.Pause:
                return Decision.Accept(
                    $"Paused the drill in {state.Key}: no inject fires and no target time runs until `/incident drill resume`.",
                    [new DrillPaused()],
                    [new PostToChannel($"{DrillText.Marker} · ⏸ {context.Actor} paused the drill. The drill clock stands still; injects and target times wait.")]);
            case DrillControlCommand.Resume when run.PausedAt is null:
                return Decision.Reject($"The drill in {state.Key} is not paused; `/incident drill pause` stops its clock.");
            case DrillControlCommand.Resume:
                {
                    var from = run.PausedAt!.Value;
                    // The same shift as the fold: what was still to come is later by the time the clock stood still.
                    var timers = run.Due.OrderBy(d => d.Key)
                        .Select(d => (Effect)new ScheduleTimer(TimerKeys.DrillInject(d.Key), d.Value > from ? d.Value + (now - from) : now));
                    return Decision.Accept(
                        $"Resumed the drill in {state.Key} after {Minutes(now - from)}; the injects still to come are that much later.",
                        [new DrillResumed()],
                        [new PostToChannel($"{DrillText.Marker} · ▶️ {context.Actor} resumed the drill."), .. timers]);
                }

            case DrillControlCommand.Fire when run.Scenario.Inject(command.Inject ?? 0) is null:
                return Decision.Reject($"There is no inject {command.Inject} in this drill: it has injects 1–{run.Scenario.Injects.Count} (the facilitator's briefing lists them).");
            case DrillControlCommand.Fire when run.Fired.TryGetValue(command.Inject!.Value, out var fired):
                return Decision.Reject($"Inject {command.Inject} was posted already, at {Clock(fired.At)}; each inject is posted once.");
            case DrillControlCommand.Fire:
                return FireInject(state, run, command.Inject!.Value, byFacilitator: true);
            default:
                return EndDrill(state, run, context);
        }
    }

    private static Decision EndDrill(Incident state, DrillRun run, CommandContext context)
    {
        var score = DrillScore.Of(run, context.Now, ended: true);
        var prompts = $"{DrillText.Marker} · Hot wash for {state.Key}, while it is fresh — answer each with `/incident hotwash <text>`:\n" +
            "1. What went well?\n2. What was hard, or slowed us down?\n3. What should we change (runbooks, alerts, tooling, training)? Name an owner if you can.\n" +
            $"The after-action report is at /api/incidents/{state.Number}/aar.md and takes your answers in as you give them.";
        return Decision.Accept(
            $"Ended the drill in {state.Key}: {score.Percent}% ({DrillScore.Pts(score.Points)} of {score.MaxPoints} points). The score card and the hot-wash prompts are in the channel.",
            [new DrillEnded()],
            [new PostToChannel(score.Card(state.Key, run.Scenario.Title)), new PostToChannel(prompts), new SyncIncidentCard()]);
    }

    private static Decision NoteHotwash(Incident state, HotwashCommand command)
    {
        if (state.Drill is not { } run)
        {
            return Decision.Reject($"{state.Key} is not a drill: the hot wash belongs to drills. For a real incident, add notes with `/incident note <text>` and follow-ups with `/incident action <text>`.");
        }

        if (run.IsRunning)
        {
            return Decision.Reject($"The hot wash opens when the drill ends (the facilitator types `/incident drill end`). Until then, `/incident note <text>` keeps the thought on the timeline.");
        }

        return Decision.Accept($"Recorded in the hot wash of {state.Key}; it goes into the after-action report.", [new HotwashNoted(command.Text.Trim())]);
    }

    /// <summary>
    /// For a drill: arms the injects that wait for what this decision makes happen, and marks every message it sends
    /// DRILL (channel posts, direct messages, announcements, updates and pages), so nobody mistakes it for a real outage.
    /// </summary>
    private static Decision ForDrill(Incident? state, Decision decision, CommandContext context)
    {
        var kind = state?.Kind ?? (decision.Events.FirstOrDefault() as IncidentDeclared)?.Kind;
        if (!decision.Accepted || kind != IncidentKind.Drill || decision.Events.Count == 0)
        {
            return decision;
        }

        var events = decision.Events.ToList();
        var effects = decision.Effects.Select(MarkDrill).ToList();
        if (state?.Drill is { IsRunning: true } run)
        {
            var reached = decision.Events.SelectMany(e => DrillMilestone.Reached(e, state.Lead)).ToArray();
            foreach (var inject in run.Scenario.Injects.Where(i => i.When is not null && !run.Fired.ContainsKey(i.Number) && !run.Due.ContainsKey(i.Number)))
            {
                if (reached.Any(inject.When!.IsMetBy))
                {
                    var due = context.Now + inject.After;
                    events.Add(new DrillInjectArmed(inject.Number, due));
                    effects.Add(new ScheduleTimer(TimerKeys.DrillInject(inject.Number), due));
                }
            }
        }

        return decision with { Events = events, Effects = effects };
    }

    private static Effect MarkDrill(Effect effect) => effect switch
    {
        PostToChannel p => p with { Text = Marked(p.Text) },
        NotifyUser n => n with { Text = Marked(n.Text) },
        Announce a => a with { Text = Marked(a.Text) },
        PostStatusUpdate u => u with { Text = Marked(u.Text) },
        SendPage p => p with { Message = Marked(p.Message ?? "a practice incident, not a real outage") },
        _ => effect,
    };

    private static string Marked(string text) =>
        text.StartsWith(DrillText.Marker, StringComparison.Ordinal) || text.StartsWith("DRILL", StringComparison.Ordinal) ? text : DrillText.Marker + " · " + text;
}
