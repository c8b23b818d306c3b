using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Events;

/// <summary>Nobody answered the page before its deadline.</summary>
public sealed record PageExpired(string PageId) : EventData;
