using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Events;

/// <summary>A note on the timeline.</summary>
public sealed record NoteAdded(string Text) : EventData;
