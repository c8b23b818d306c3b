namespace ImtBot.Core.Commands;

/// <summary>
/// A parsed command. <see cref="Incident"/> is the incident named after the verb (<c>INC-42</c> or <c>42</c>);
/// null means "the incident of the channel it was typed in" (or none, for commands that need none).
/// </summary>
public abstract record Command
{
    public int? Incident { get; init; }
}
