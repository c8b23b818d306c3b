using ImtBot.Core.Platforms;

namespace ImtBot.Core.Reviews;

/// <summary>One event in words: <c>@Alice moved the incident from Investigating to Identified: bad config</c>.</summary>
public sealed record TimelineEntry(long Sequence, DateTimeOffset At, UserRef Actor, string Type, string Text);
