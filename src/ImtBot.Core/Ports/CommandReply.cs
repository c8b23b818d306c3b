namespace ImtBot.Core.Ports;

/// <summary>
/// The answer to a command, shown to the person who typed it (ephemeral in Slack): always a plain-text Text;
/// Incident is the incident it concerned, if any. Redelivered is true when the delivery was seen before: the reply is
/// the first one, nothing was applied again, and an adapter that already answered the first delivery stays silent.
/// Card, when set, names a card the adapter shows with the reply (<see cref="ReplyCards"/>), built from the incident.
/// AlertPage is the alert page it concerned, if any (so a clicked alert page card can be answered with itself, refreshed).
/// </summary>
public sealed record CommandReply(bool Accepted, string Text, int? Incident = null, bool Redelivered = false, string? Card = null, int? AlertPage = null);
