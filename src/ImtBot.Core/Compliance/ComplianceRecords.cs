using ImtBot.Core.Platforms;

namespace ImtBot.Core.Compliance;

/// <summary>A regime the incident is (or was decided not to be) under, as folded from its events.</summary>
/// <param name="Applies">False after a <c>notregulated</c> decision that was not reversed.</param>
public sealed record RegimeRecord(string Id, RegimeDefinition Rule, bool Applies, DateTimeOffset AwareAt);

/// <summary>A compliance decision on record: who decided what, when, and why.</summary>
public sealed record ComplianceDecision(DateTimeOffset At, UserRef By, string What, string? Reason);

/// <summary>A recorded submission to a regulator.</summary>
public sealed record Submission(string Regime, string Stage, DateTimeOffset At, UserRef By, string Reference, string? Note);

/// <summary>Where a clock stands.</summary>
public enum ClockState
{
    /// <summary>Its start (a decision, or an earlier stage's submission) is not known yet.</summary>
    Waiting,
    Running,
    /// <summary>The deadline passed without a submission.</summary>
    Overdue,
    /// <summary>Submitted by the deadline.</summary>
    Met,
    /// <summary>Submitted after the deadline.</summary>
    Late,
    /// <summary>The regime was decided not to apply.</summary>
    Stopped,
}

/// <summary>One stage's clock of one regime, as the card, the <c>compliance</c> answer and the review show it.</summary>
/// <param name="Basis">What the deadline counts from, e.g. "72 h after awareness"; while waiting, what it waits for.</param>
/// <param name="Exercise">In a drill: the clock is practice and nothing is due to a regulator.</param>
public sealed record ComplianceClock(
    string Regime, string RegimeName, string Stage, string StageName, ClockState State,
    DateTimeOffset? Started, DateTimeOffset? Deadline, string Basis, Submission? Submitted, bool Exercise)
{
    public bool IsOpen => State is ClockState.Running or ClockState.Overdue;

    public TimeSpan? Left(DateTimeOffset now) => Deadline is { } d ? d - now : null;
}
