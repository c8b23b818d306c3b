using ImtBot.Core.Commands;
using ImtBot.Core.Compliance;
using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Paging;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Incidents;

/// <summary>
/// Regulatory clocks. The decisions (<c>regulated</c>, <c>notregulated</c>, <c>classified major</c>, <c>material</c>)
/// and submissions (<c>notified</c>) are events with their actor and reason; they are accepted on a closed incident
/// too, because a final report may be due a month after the incident closed. One timer (<see cref="ComplianceTimer"/>)
/// is scheduled for the next reminder point of any running clock; when it fires it tells the commander and the comms
/// lead and schedules the next one.
/// </summary>
public static partial class IncidentDecider
{
    /// <summary>The timer key of compliance reminders.</summary>
    public const string ComplianceTimer = "compliance";

    /// <summary>The longest submission reference (a regulator's case or filing number).</summary>
    public const int MaxReferenceLength = 200;

    /// <summary>How far in the past an awareness time may be without a reason (the time it takes to type the command).</summary>
    private static readonly TimeSpan AwareSlack = TimeSpan.FromMinutes(5);

    private static Decision DecideCompliance(Incident state, ComplianceCommand command, CommandContext context)
    {
        var text = command switch
        {
            RegulatedCommand c => c.Reason,
            NotRegulatedCommand c => c.Reason,
            ClassifiedCommand c => c.Reason,
            MaterialCommand c => c.Reason,
            NotifiedCommand c => c.Note,
            _ => null,
        };
        if (command is NotifiedCommand { Reference.Length: > MaxReferenceLength } notified)
        {
            return Decision.Reject($"A reference is at most {MaxReferenceLength} characters (that one has {notified.Reference.Length}); put the rest in the note.");
        }

        if (text is { Length: > MaxTextLength })
        {
            return Decision.Reject($"That reason is {text.Length:N0} characters long; keep it under {MaxTextLength:N0} and link a document for the rest.");
        }

        return command switch
        {
            RegulatedCommand c => Regulated(state, c, context),
            NotRegulatedCommand c => NotRegulated(state, c, context),
            ClassifiedCommand c => StartingDecision(state, new IncidentClassified("major", c.Reason), ClockStarts.Classified, state.ClassifiedMajorAt, "classified as major", context),
            MaterialCommand c => StartingDecision(state, new MaterialityDetermined(c.Reason), ClockStarts.Material, state.MaterialAt, "determined material", context),
            NotifiedCommand c => Notified(state, c, context),
            _ => Decision.Accept(ComplianceText.Clocks(state, context.Now, context.Compliance.Enabled), []),
        };
    }

    private static Decision Regulated(Incident state, RegulatedCommand command, CommandContext context)
    {
        if (context.Compliance.Definition(command.Regime) is not { } rule)
        {
            return UnknownRegime(command.Regime, context);
        }

        var aware = command.AwareAt ?? context.Now;
        if (aware > context.Now + AwareSlack)
        {
            return Decision.Reject($"Awareness at {ComplianceText.Time(aware)} UTC is in the future; give the time you became aware (now, or earlier with a reason).");
        }

        if (aware < context.Now - AwareSlack && string.IsNullOrWhiteSpace(command.Reason))
        {
            return Decision.Reject($"An awareness time in the past needs a reason on record: `/incident regulated {rule.Id} aware {ComplianceText.Time(aware).Replace(' ', 'T')}Z <why then>`.");
        }

        if (state.Regime(rule.Id) is { Applies: true } on && on.AwareAt == aware)
        {
            return Decision.Reject($"{state.Key} is already under {rule.Name}, aware since {ComplianceText.Time(aware)} UTC; `/incident compliance` shows its clocks.");
        }

        var events = new List<EventData> { new RegimeStarted(rule.Id, rule, aware, Trim(command.Reason)) };
        return ComplianceAccepted(state, events, $"{state.Key} is under {rule.Name} (aware since {ComplianceText.Time(aware)} UTC).", context);
    }

    private static Decision NotRegulated(Incident state, NotRegulatedCommand command, CommandContext context)
    {
        var id = state.Regime(command.Regime)?.Id ?? context.Compliance.Definition(command.Regime)?.Id;
        if (id is null)
        {
            return UnknownRegime(command.Regime, context);
        }

        if (state.Regime(id) is { Applies: false })
        {
            return Decision.Reject($"{state.Key} already has the decision that {id} does not apply; `/incident regulated {id}` reverses it.");
        }

        var events = new List<EventData> { new RegimeNotApplicable(id, command.Reason.Trim()) };
        return ComplianceAccepted(state, events, $"Recorded: {id} does not apply to {state.Key} ({command.Reason.Trim()}).", context);
    }

    /// <summary><c>classified major</c> / <c>material</c>: records the decision and starts the regimes it starts (awareness: the declaration).</summary>
    private static Decision StartingDecision(Incident state, EventData decision, string start, DateTimeOffset? already, string what, CommandContext context)
    {
        if (already is { } at)
        {
            return Decision.Reject($"{state.Key} was already {what} at {ComplianceText.Time(at)} UTC; the first decision starts the clocks.");
        }

        var events = new List<EventData> { decision };
        var started = new List<string>();
        foreach (var id in context.Compliance.Enabled)
        {
            if (context.Compliance.Definition(id) is { } rule && rule.Start == start && state.Regime(id) is null)
            {
                events.Add(new RegimeStarted(id, rule, state.DeclaredAt, $"started by the decision: {what}; awareness taken as the declaration time"));
                started.Add(rule.Name);
            }
        }

        var starts = started.Count > 0 ? $" Started: {string.Join(", ", started)}." : "";
        return ComplianceAccepted(state, events, $"{state.Key} is {what}.{starts}", context);
    }

    private static Decision Notified(Incident state, NotifiedCommand command, CommandContext context)
    {
        if (state.Regime(command.Regime) is not { } regime)
        {
            return Decision.Reject($"{state.Key} is not under {command.Regime}: start its clocks first with `/incident regulated {command.Regime.ToLowerInvariant()}`.");
        }

        if (regime.Rule.Stage(command.Stage) is not { } stage)
        {
            return Decision.Reject($"{regime.Rule.Name} has no stage \"{command.Stage}\"; its stages are {string.Join(", ", regime.Rule.Stages.Select(s => s.Id))}, e.g. `/incident notified {regime.Id} {regime.Rule.Stages[0].Id} <reference>`.");
        }

        var events = new List<EventData> { new RegulatorNotified(regime.Id, stage.Id, command.Reference, Trim(command.Note)) };
        var drill = state.Kind == IncidentKind.Drill ? " (exercise: a drill, nothing was due)" : "";
        return ComplianceAccepted(state, events, $"Recorded the {regime.Rule.Name} {stage.Name}, reference {command.Reference}{drill}.", context);
    }

    /// <summary>Every accepted compliance decision: the card, a channel message with the clocks, and the next reminder timer.</summary>
    private static Decision ComplianceAccepted(Incident state, List<EventData> events, string reply, CommandContext context)
    {
        var after = Preview(state, events, context);
        var clocks = ComplianceClocks.Of(after, context.Now).Where(c => c.State != ClockState.Stopped).Select(c => "• " + ComplianceText.Line(c, context.Now)).ToArray();
        var text = $"{reply} (by {context.Actor})" + (clocks.Length > 0 ? "\n" + string.Join('\n', clocks) : "");
        var effects = new List<Effect> { new SyncIncidentCard() };
        if (!state.IsFinal)
        {
            effects.Add(new PostToChannel(text));
        }

        if (ComplianceClocks.NextReminder(after, context.Compliance.Reminders, context.Now) is { } next)
        {
            effects.Add(new ScheduleTimer(ComplianceTimer, next));
        }

        return Decision.Accept(text, events, effects);
    }

    private static Decision OnComplianceTimer(Incident state, CommandContext context)
    {
        var events = new List<EventData>();
        var effects = new List<Effect>();
        var to = ComplianceRecipients(state);
        foreach (var clock in ComplianceClocks.Of(state, context.Now))
        {
            if (ComplianceClocks.DueReminder(state, clock, context.Compliance.Reminders, context.Now) is not { } due)
            {
                continue;
            }

            var text = ReminderFor(state, clock, due.Point, context.Now);
            events.Add(new ComplianceReminderSent(clock.Regime, clock.Stage, due.Point, clock.Deadline!.Value, to, text));
            effects.AddRange(to.Select(u => (Effect)new NotifyUser(u, text)));
            if (!state.IsFinal)
            {
                effects.Add(new PostToChannel(text));
            }
        }

        if (events.Count == 0)
        {
            return Nothing;
        }

        if (ComplianceClocks.NextReminder(Preview(state, events, context), context.Compliance.Reminders, context.Now) is { } next)
        {
            effects.Add(new ScheduleTimer(ComplianceTimer, next));
        }

        return Decision.Accept($"Sent {events.Count} compliance reminder(s).", events, effects);
    }

    private static string ReminderFor(Incident state, ComplianceClock clock, string point, DateTimeOffset now)
    {
        var exercise = clock.Exercise ? "EXERCISE (drill): " : "";
        var record = $"Record the submission with `/incident notified {state.Key} {clock.Regime} {clock.Stage} <reference>`.";
        return point == ComplianceClocks.Missed
            ? $"{exercise}{state.Key}: the {clock.RegimeName} {clock.StageName} deadline passed at {ComplianceText.Time(clock.Deadline!.Value)} UTC with no submission recorded — MISSED. Submit it now. {record}"
            : $"{exercise}{state.Key}: the {clock.RegimeName} {clock.StageName} is due {ComplianceText.Time(clock.Deadline!.Value)} UTC ({ComplianceText.Left(clock.Deadline.Value - now)} left; {clock.Basis}). {record}";
    }

    /// <summary>The commander and the comms lead (each once); the declarer when neither role is held.</summary>
    private static IReadOnlyList<UserRef> ComplianceRecipients(Incident state)
    {
        var to = new[] { state.Commander, state.Holder(ReminderNames.CommsRole) }.OfType<UserRef>().Distinct().ToArray();
        return to.Length > 0 ? to : [state.DeclaredBy];
    }

    /// <summary>The incident as it would be after these events (for the clocks the reply and the next timer show).</summary>
    private static Incident Preview(Incident state, IReadOnlyList<EventData> events, CommandContext context)
    {
        var copy = new Incident();
        foreach (var e in state.Replayed)
        {
            copy.Apply(e);
        }

        var head = state.Head;
        var sequence = state.Version;
        foreach (var d in events)
        {
            var e = EventChain.Append(head, state.Number, ++sequence, context.Now, context.Actor, d);
            copy.Apply(e);
            head = e.Hash;
        }

        return copy;
    }

    private static Decision UnknownRegime(string regime, CommandContext context) =>
        Decision.Reject($"There is no regime \"{regime}\"; the configured ones are {string.Join(", ", context.Compliance.Enabled)}, e.g. `/incident regulated {context.Compliance.Enabled.FirstOrDefault() ?? "gdpr"}`.");

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
