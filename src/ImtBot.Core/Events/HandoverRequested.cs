using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Events;

/// <summary>The commander asked someone to take over; completed when they acknowledge the page.</summary>
public sealed record HandoverRequested(UserRef From, UserRef To, string Summary, bool Release) : EventData;
