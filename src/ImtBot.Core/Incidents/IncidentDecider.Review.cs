using ImtBot.Core.Commands;
using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Paging;
using ImtBot.Core.Reviews;

namespace ImtBot.Core.Incidents;

/// <summary>
/// The review's facts and words: when the impact began and when it was detected, and the sections written in words.
/// They, and the follow-up actions, are the work of the review meeting, so they are accepted after the close too.
/// </summary>
public static partial class IncidentDecider
{
    /// <summary>How far before the declaration an impact or detection time may be (a typo guard: a wrong day or month).</summary>
    public static TimeSpan MaxLookBack { get; } = TimeSpan.FromDays(30);

    /// <summary>The commands that still work once an incident is closed or cancelled: they finish its review.</summary>
    private static bool IsReviewWork(Command command) =>
        command is ActionCommand or ActionDoneCommand or ActionAssignCommand or ActionCancelCommand or ImpactCommand or DetectedCommand or ReviewTextCommand or ReviewFormCommand
        || (command is SnoozeCommand s && ActionReminders.TryParseSnooze(s.Reminder, out _));

    private static Decision RecordImpact(Incident state, ImpactCommand command, CommandContext context)
    {
        var began = command.Began.Resolve(context.Now);
        if (TimeProblem(state, began, context, "the impact began") is { } problem)
        {
            return Decision.Reject(problem);
        }

        if (state.DetectedAt is { } detected && began > detected)
        {
            return Decision.Reject($"The impact cannot begin after it was detected ({Stamp(detected)}): give an earlier time, or correct the detection with `/incident detected <time>`.");
        }

        var description = string.IsNullOrWhiteSpace(command.Description) ? null : command.Description.Trim();
        var before = began < state.DeclaredAt ? $", {DurationText.Format(state.DeclaredAt - began)} before the declaration" : "";
        return Decision.Accept($"Impact on {state.Key} began at {Stamp(began)}{before}.", [new ImpactRecorded(began, description)]);
    }

    private static Decision RecordDetection(Incident state, DetectedCommand command, CommandContext context)
    {
        var at = command.At.Resolve(context.Now);
        if (TimeProblem(state, at, context, "it was detected") is { } problem)
        {
            return Decision.Reject(problem);
        }

        if (at > state.DeclaredAt)
        {
            return Decision.Reject($"{state.Key} was declared at {Stamp(state.DeclaredAt)}, so it was detected then or earlier: give a time up to the declaration.");
        }

        if (state.ImpactBegan is { } began && at < began)
        {
            return Decision.Reject($"It cannot be detected before the impact began ({Stamp(began)}): give a later time, or correct the impact with `/incident impact <time>`.");
        }

        var ttd = state.ImpactBegan is { } b ? $" (time to detect {DurationText.Format(at - b)})" : "";
        return Decision.Accept($"{state.Key} was detected at {Stamp(at)}{ttd}.", [new DetectionRecorded(at)]);
    }

    private static Decision WriteReviewText(Incident state, ReviewTextCommand command)
    {
        if (!ReviewSections.All.Contains(command.Section) || string.IsNullOrWhiteSpace(command.Text))
        {
            return Decision.Reject($"Write the text: `/incident {command.Section} <text>`.");
        }

        var again = state.Written.ContainsKey(command.Section) ? "replaced" : "written";
        return Decision.Accept($"{ReviewSections.Heading(command.Section)} of the {state.Key} review {again}.", [new ReviewTextWritten(command.Section, command.Text.Trim())]);
    }

    private static string? TimeProblem(Incident state, DateTimeOffset at, CommandContext context, string what)
    {
        if (at > context.Now)
        {
            return $"{Stamp(at)} is in the future (it is {Stamp(context.Now)}): say when {what}, in UTC — {TypedTime.Formats}.";
        }

        return at < state.DeclaredAt - MaxLookBack
            ? $"{Stamp(at)} is more than {MaxLookBack.TotalDays:0} days before {state.Key} was declared ({Stamp(state.DeclaredAt)}): check the date."
            : null;
    }

    /// <summary>The review-meeting timer a close schedules, when the peak severity requires a review within a set time (not for drills).</summary>
    private static ScheduleTimer? ReviewMeetingTimer(Incident state, DateTimeOffset closedAt) =>
        state.Kind != IncidentKind.Drill && state.PeakPolicy is { ReviewRequired: true, ReviewWithin: { } within }
            ? new ScheduleTimer(ReviewReminder.TimerKey, closedAt + within)
            : null;

    /// <summary>The review is due: reminds the commander (once) and the channel of what is still empty; nothing when it is finished.</summary>
    private static Decision OnReviewTimer(Incident state)
    {
        var empty = new List<string>();
        void Check(bool filled, string what) { if (!filled) { empty.Add(what); } }

        Check(state.Written.ContainsKey(ReviewSections.Summary), "overview (`summary <text>`)");
        Check(state.ImpactBegan is not null, "impact start (`impact <time>`)");
        Check(state.DetectionTime is not null, "detection (`detected <time>`)");
        Check(state.Written.ContainsKey(ReviewSections.Cause), "contributing factors (`cause <text>`)");
        Check(state.Written.ContainsKey(ReviewSections.Resolution), "resolution (`resolution <text>`)");
        Check(state.Actions.Count > 0, "action items (`action <text> @owner due <date>`)");
        if (empty.Count == 0 || state.ReminderCount.ContainsKey(ReviewReminder.Name))
        {
            return Nothing;
        }

        var to = state.Commander ?? state.DeclaredBy;
        var text = $"The review of {state.Key} ({state.Title}) is due and not finished; still empty: {string.Join("; ", empty)}. " +
            $"Add them with `/incident <command> {state.Key} …`, or read it with `/incident review {state.Key}`.";
        return Decision.Accept($"Reminded {to} of the review.", [new ReminderSent(ReviewReminder.Name, to, text)], [new NotifyUser(to, text), new PostToChannel(text)]);
    }

    private static string Stamp(DateTimeOffset at) => DurationText.Time(at) + " UTC";
}
