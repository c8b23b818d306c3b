using ImtBot.Core.Commands;
using ImtBot.Core.Events;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Incidents;

/// <summary>
/// The decisions on an <see cref="Incident"/> (the folded aggregate). Pure: no I/O, no clock but <see cref="CommandContext.Now"/>. One partial file
/// per concern: declaration, lifecycle, severity, roles and hand-over, paging and escalation, reminders, timeline.
/// Every accepted change that alters what the incident card shows also emits <c>SyncIncidentCard</c>; every decision
/// with effects has at least one event (so outbox keys can be numbered by event sequence).
/// </summary>
public static partial class IncidentDecider
{
    /// <param name="state">The incident as replayed from its events; null for a declaration.</param>
    public static Decision Decide(Incident? state, Command command, CommandContext context) =>
        ForDrill(state, DecideCommand(state, command, context), context);

    private static Decision DecideCommand(Incident? state, Command command, CommandContext context)
    {
        switch (command)
        {
            case DeclareCommand declare:
                return Declare(declare, context);
            case DrillCommand drill:
                return Drill(drill, context);
            case AlertCommand { Declare: { } declare, Incident: null } alert:
                return DeclareFromAlert(alert, declare, context);
        }

        if (state is null || state.Number == 0)
        {
            return Decision.Reject("There is no incident here: name one (`INC-42` or `42` after the verb), type the command in the incident's channel, or declare one with `/incident declare <title>`.");
        }

        if (command is TimerCommand { TimerKey: ComplianceTimer })
        {
            return OnComplianceTimer(state, context);
        }

        if (command is TimerCommand timer)
        {
            return OnTimer(state, timer, context);
        }

        if (PrivateOutsider(state, command, context) is { } outside)
        {
            return Decision.Reject(outside);
        }

        if (TooLong(command) is { } tooLong)
        {
            return Decision.Reject(tooLong);
        }

        if (command is ComplianceCommand compliance)
        {
            return WithParticipant(state, DecideCompliance(state, compliance, context), context.Actor);
        }

        // The review outlives the incident: its meeting adds follow-ups, facts and words after the close.
        if (state.IsFinal && !IsReviewWork(command))
        {
            return Decision.Reject($"{state.Key} is {Describe(state.Status)}: it can no longer change (`/incident status`, `timeline` and `review` still work). Declare a new incident with `/incident declare <title>`.");
        }

        if (PlanBlock(state, command, context) is { } blocked)
        {
            return blocked;
        }

        var decision = command switch
        {
            SeverityCommand c => ChangeSeverity(state, c, context),
            TransitionCommand c => Move(state, c, context),
            ReopenCommand c => Reopen(state, c, context),
            CancelCommand c => Cancel(state, c, context),
            CloseCommand => Close(state, context),
            RoleCommand c => AssignRole(state, c, context),
            HandoverCommand c => Handover(state, c, context),
            PageCommand c => PageSomeone(state, c, context),
            AckCommand => Acknowledge(state, context),
            DeclineCommand => DeclinePage(state, context),
            UpdateCommand c => PostUpdate(state, c, context),
            NoteCommand c => AddNote(state, c),
            ActionCommand c => AddAction(state, c, context),
            ActionDoneCommand c => CompleteAction(state, c),
            SnoozeCommand c => Snooze(state, c, context),
            MessageCaptureCommand c => CaptureMessage(state, c),
            TypeCommand c => ChangeType(state, c, context),
            TaskDoneCommand c => CompleteTask(state, c, context),
            TaskSkipCommand c => SkipTask(state, c, context),
            TaskAssignCommand c => AssignTask(state, c, context),
            TaskAddCommand c => AddTask(state, c, context),
            TaskOverrideCommand c => OverridePlan(state, c, context),
            AlertCommand c => ReceiveAlert(state, c),
            DrillControlCommand c => ControlDrill(state, c, context),
            HotwashCommand c => NoteHotwash(state, c),
            ImpactCommand c => RecordImpact(state, c, context),
            DetectedCommand c => RecordDetection(state, c, context),
            ReviewTextCommand c => WriteReviewText(state, c),
            ReviewFormCommand c => WriteReviewForm(state, c, context),
            ActionAssignCommand c => AssignAction(state, c, context),
            ActionCancelCommand c => CancelAction(state, c),
            _ => Decision.Reject($"`{Verb(command)}` does not change an incident; it is answered without one. Try `/incident help`."),
        };

        decision = WithPlanSteps(state, decision, context);
        decision = WithPrivateAnnouncements(state, decision);
        return command is DeclineCommand ? decision : WithParticipant(state, decision, context.Actor);
    }

    /// <summary>A person who changes the incident for the first time joins its participants (declining a page is not taking part).</summary>
    private static Decision WithParticipant(Incident state, Decision decision, UserRef actor)
    {
        if (!decision.Accepted || decision.Events.Count == 0 || actor.Platform == PlatformNames.System || state.Participants.Contains(actor))
        {
            return decision;
        }

        return decision with { Events = [.. decision.Events, new ParticipantJoined(actor)] };
    }

    /// <summary>The longest free text a typed command may carry: what a Slack section and a Teams card both show whole.</summary>
    public const int MaxTextLength = 3000;

    private static string? TooLong(Command command)
    {
        var text = command switch
        {
            UpdateCommand c => c.Text,
            NoteCommand c => c.Text,
            ActionCommand c => c.Text,
            SeverityCommand c => c.Reason,
            CancelCommand c => c.Reason,
            ReopenCommand c => c.Reason,
            TransitionCommand c => c.Note,
            HandoverCommand c => c.Summary,
            PageCommand c => c.Message,
            TaskDoneCommand c => c.Note,
            TaskSkipCommand c => c.Reason,
            TaskAddCommand c => c.Text,
            TaskOverrideCommand c => c.Reason,
            HotwashCommand c => c.Text,
            ImpactCommand c => c.Description,
            ReviewTextCommand c => c.Text,
            ActionCancelCommand c => c.Reason,
            _ => null,
        };
        return text is { Length: > MaxTextLength }
            ? $"That text is {text.Length:N0} characters long; keep it under {MaxTextLength:N0} (post the rest as further notes or updates, or link a document)."
            : null;
    }

    private static string Verb(Command command) => command.GetType().Name.Replace("Command", "", StringComparison.Ordinal).ToLowerInvariant();

    internal static string Describe(IncidentStatus status) => status.ToString().ToLowerInvariant();

    internal static string Clock(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    internal static string Minutes(TimeSpan span) =>
        span.TotalMinutes >= 60 && span.TotalMinutes % 60 == 0 ? $"{span.TotalHours:0} h" : $"{span.TotalMinutes:0} min";

    internal static UserRef Resolve(UserArg arg, UserRef actor) =>
        arg.IsMe ? actor : new UserRef(actor.Platform, arg.Id, arg.DisplayName ?? arg.Id);
}
