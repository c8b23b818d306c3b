using ImtBot.Core.Compliance;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Events;

/// <summary>
/// <c>regulated &lt;regime&gt;</c> (or the decision that starts it): the regime applies and its clocks run. The rule is
/// recorded as configured at that moment; <see cref="AwareAt"/> may lie in the past, with <see cref="Reason"/> saying why.
/// </summary>
public sealed record RegimeStarted(string Regime, RegimeDefinition Rule, DateTimeOffset AwareAt, string? Reason) : EventData;

/// <summary><c>notregulated &lt;regime&gt; &lt;reason&gt;</c>: a decision, with its reason, that the regime does not apply.</summary>
public sealed record RegimeNotApplicable(string Regime, string Reason) : EventData;

/// <summary><c>classified major [reason]</c>: the incident is classified as major (it starts DORA's clocks).</summary>
public sealed record IncidentClassified(string Classification, string? Reason) : EventData;

/// <summary><c>material [reason]</c>: the incident is determined to be material (it starts the SEC 8-K clock).</summary>
public sealed record MaterialityDetermined(string? Reason) : EventData;

/// <summary><c>notified &lt;regime&gt; &lt;stage&gt; &lt;reference&gt; [note]</c>: a submission was made (who and when are the event's).</summary>
public sealed record RegulatorNotified(string Regime, string Stage, string Reference, string? Note) : EventData;

/// <summary>A reminder before a regulatory deadline (<see cref="Point"/> is <c>50%</c>, <c>4h</c>…) or that it was missed (<c>missed</c>).</summary>
public sealed record ComplianceReminderSent(string Regime, string Stage, string Point, DateTimeOffset Deadline, IReadOnlyList<UserRef> To, string Text) : EventData;
