using ImtBot.Core.Commands;
using ImtBot.Core.Events;
using ImtBot.Core.Reviews;

namespace ImtBot.Core.Incidents;

/// <summary>
/// The review form: every field is checked before anything is recorded (a bad time changes nothing), then each changed
/// field is recorded with the event its own command records, so the review, the timeline and the authors read the same.
/// </summary>
public static partial class IncidentDecider
{
    private static Decision WriteReviewForm(Incident state, ReviewFormCommand form, CommandContext context)
    {
        var events = new List<EventData>();
        var said = new List<string>();

        var (began, impactProblem) = FormTime(state, form.ImpactStart, state.ImpactBegan, "Impact start", "the impact began", context);
        var (detected, detectedProblem) = FormTime(state, form.Detected, state.DetectedAt, "Detected", "it was detected", context);
        if ((impactProblem ?? detectedProblem) is { } problem)
        {
            return Decision.Reject(problem + " Nothing was changed.");
        }

        if (detected is { } d && d > state.DeclaredAt)
        {
            return Decision.Reject($"Detected: {state.Key} was declared at {Stamp(state.DeclaredAt)}, so it was detected then or earlier. Nothing was changed.");
        }

        if ((began ?? state.ImpactBegan) is { } b && (detected ?? state.DetectedAt) is { } seen && b > seen)
        {
            return Decision.Reject($"The impact cannot begin ({Stamp(b)}) after it was detected ({Stamp(seen)}): correct one of the two times. Nothing was changed.");
        }

        foreach (var (section, text) in new[] { (ReviewSections.Summary, form.Summary), (ReviewSections.Cause, form.Cause), (ReviewSections.Resolution, form.Resolution) })
        {
            var typed = text?.Trim() ?? "";
            if (typed.Length > MaxTextLength)
            {
                return Decision.Reject($"{ReviewSections.Heading(section)} is {typed.Length:N0} characters long; keep it under {MaxTextLength:N0} (link a document for the rest). Nothing was changed.");
            }

            if (typed.Length > 0 && (!state.Written.TryGetValue(section, out var before) || before.Text != typed))
            {
                events.Add(new ReviewTextWritten(section, typed));
                said.Add(ReviewSections.Heading(section).ToLowerInvariant());
            }
        }

        if (began is { } start)
        {
            events.Add(new ImpactRecorded(start, null));
            said.Add($"impact start {Stamp(start)}");
        }

        if (detected is { } at)
        {
            events.Add(new DetectionRecorded(at));
            said.Add($"detected {Stamp(at)}");
        }

        return events.Count == 0
            ? Decision.Accept($"Nothing changed in the {state.Key} review: the form matches what is recorded.", [])
            : Decision.Accept($"The {state.Key} review was updated: {string.Join(", ", said)}.", events);
    }

    /// <summary>A time field: null when blank or the same minute as <paramref name="current"/> (unchanged); else the time, or the problem with it.</summary>
    private static (DateTimeOffset? At, string? Problem) FormTime(Incident state, string? typed, DateTimeOffset? current, string field, string what, CommandContext context)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return (null, null);
        }

        if (TypedTime.Parse(typed) is not { } time)
        {
            return (null, $"{field}: `{typed.Trim()}` is not a time: write {TypedTime.Formats}.");
        }

        var at = time.Resolve(context.Now);
        if (current is { } was && Minute(was) == Minute(at))
        {
            return (null, null);
        }

        return TimeProblem(state, at, context, what) is { } problem ? (null, $"{field}: {problem}") : (at, null);
    }

    private static DateTimeOffset Minute(DateTimeOffset at) => new(at.Ticks - (at.Ticks % TimeSpan.TicksPerMinute), at.Offset);
}
