namespace ImtBot.Core.Commands;

/// <summary>
/// One line of the command table: the verb, its syntax (without the optional incident reference), a one-line
/// description and examples that parse. A verb may have several entries (<c>action</c> and <c>action done</c>).
/// </summary>
public sealed record CommandSpec(string Verb, string Syntax, string Description, IReadOnlyList<string> Examples)
{
    /// <summary>True when the command can name an incident right after the verb (<c>ack INC-42</c>).</summary>
    public bool TakesIncident { get; init; } = true;
}
