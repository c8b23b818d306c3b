namespace ImtBot.Core.Ports;

/// <summary>
/// The answer to a command, shown to the person who typed it (ephemeral in Slack): always a plain-text Text;
/// Incident is the incident it concerned, if any.
/// </summary>
public sealed record CommandReply(bool Accepted, string Text, int? Incident = null);
