using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Events;

/// <summary>A page went out; it expires at the deadline unless answered.</summary>
public sealed record PageSent(string PageId, UserRef To, string? Role, string? Message, DateTimeOffset Deadline, int Round) : EventData;
