using ImtBot.Core.Drills;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Events;

/// <summary>The events of a running drill (folded by <c>Incident.ApplyDrill</c>).</summary>
public abstract record DrillEvent : EventData;

/// <summary>A drill began from <see cref="Scenario"/> (snapshotted whole), run by <see cref="Facilitator"/>.</summary>
public sealed record DrillStarted(DrillScenario Scenario, UserRef Facilitator) : DrillEvent;

/// <summary>An inject waiting for a milestone saw it happen: it is due at <see cref="DueAt"/>.</summary>
public sealed record DrillInjectArmed(int Inject, DateTimeOffset DueAt) : DrillEvent;

/// <summary>Inject <see cref="Inject"/> was posted; <see cref="ByFacilitator"/> when <c>drill inject n</c> fired it.</summary>
public sealed record DrillInjectFired(int Inject, bool ByFacilitator) : DrillEvent;

/// <summary>The facilitator stopped the drill clock: no inject fires and no target time runs until it resumes.</summary>
public sealed record DrillPaused : DrillEvent;

/// <summary>The drill clock runs again; injects still to come are later by the time it stood still.</summary>
public sealed record DrillResumed : DrillEvent;

/// <summary>The exercise is over: expected actions are scored and the hot wash opens.</summary>
public sealed record DrillEnded : DrillEvent;

/// <summary>One answer in the hot wash (what went well, what was hard, what to change).</summary>
public sealed record HotwashNoted(string Text) : DrillEvent;
