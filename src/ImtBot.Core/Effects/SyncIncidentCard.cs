using ImtBot.Core.Platforms;

namespace ImtBot.Core.Effects;

/// <summary>Post the incident card in the incident channel (and pin it), or update the posted one in place.</summary>
public sealed record SyncIncidentCard : Effect;
