namespace ImtBot.Core.Commands;

/// <summary>The parser's answer: a command, or a usage message to show the user. The parser never throws.</summary>
public sealed record ParseResult(Command? Command, string? Usage)
{
    public bool Success => Command is not null;

    public static ParseResult Ok(Command command) => new(command, null);

    public static ParseResult Fail(string usage) => new(null, usage);
}
