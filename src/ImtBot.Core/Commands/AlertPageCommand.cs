namespace ImtBot.Core.Commands;

/// <summary>What a person does with an alert page (<c>AP-3</c>): acknowledge or decline their page, declare an incident from it,
/// silence its fingerprint for a while, or lift the silence.</summary>
public enum AlertPageVerb
{
    Ack,
    Decline,
    Declare,
    Silence,
    Unsilence,
}

/// <summary>
/// A command on an alert page (<c>ack AP-3</c>, <c>declare AP-3 sev2</c>, <c>silence AP-3 1h</c>, <c>unsilence AP-3</c>).
/// Alert pages are not incidents: <see cref="Command.Incident"/> stays null and <see cref="Page"/> names the page.
/// </summary>
public sealed record AlertPageCommand(AlertPageVerb Verb, int Page) : Command
{
    /// <summary>For <c>silence</c>: how long.</summary>
    public TimeSpan? For { get; init; }

    /// <summary>For <c>declare</c>: the severity asked for; null takes the route's default.</summary>
    public int? Severity { get; init; }
}
