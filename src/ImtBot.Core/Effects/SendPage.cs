using ImtBot.Core.Platforms;

namespace ImtBot.Core.Effects;

/// <summary>A direct message with Acknowledge / Decline buttons (<c>ack INC-n</c>, <c>decline INC-n</c>).</summary>
public sealed record SendPage(string PageId, UserRef To, string? Role, string? Message, DateTimeOffset Deadline) : Effect;
