namespace ImtBot.Core.Drills;

/// <summary>
/// One message of the master scenario events list, posted into the drill channel as if it came from
/// <see cref="Source"/>: either <see cref="At"/> after the drill starts, or <see cref="After"/> after <see cref="When"/>
/// first happens. <see cref="FacilitatorNote"/> goes to the facilitator only (what to watch for, how to play the role).
/// </summary>
public sealed record DrillInject(int Number, string Source, string Message, TimeSpan? At, DrillMilestone? When, TimeSpan After, string? FacilitatorNote);
