namespace ImtBot.Core.Commands;

/// <summary>The parser's answer: a command, or a usage message to show the user. The parser never throws.</summary>
public sealed record ParseResult(Command? Command, string? Usage)
{
    public bool Success => Command is not null;

    /// <summary>The incident was named by a bare number in front of free text (<c>update 3 regions down</c>): in another incident's channel it may have been meant as text.</summary>
    public bool BareNumber { get; init; }

    public static ParseResult Ok(Command command) => new(command, null);

    public static ParseResult Fail(string usage) => new(null, usage);
}
