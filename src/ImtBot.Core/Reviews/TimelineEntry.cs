using ImtBot.Core.Platforms;

namespace ImtBot.Core.Reviews;

/// <summary>
/// One event in words: <c>@Alice moved the incident from Investigating to Identified: bad config</c>. A pinned chat
/// message is placed at its own time with its author as the actor; the timeline is in time order (then sequence).
/// </summary>
public sealed record TimelineEntry(long Sequence, DateTimeOffset At, UserRef Actor, string Type, string Text);
