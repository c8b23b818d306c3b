using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Events;

/// <summary>A severity change with its mandatory reason and the new severity's policy snapshot.</summary>
public sealed record SeverityChanged(int From, int To, string Reason, SeverityPolicy Policy) : EventData;
