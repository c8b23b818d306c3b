namespace ImtBot.Core.Commands;

/// <summary>Parses the one command language of every platform (DESIGN §3). Never throws.</summary>
public static class CommandParser
{
    /// <param name="text">Command text without the <c>/incident</c> prefix or the bot's mention.</param>
    public static ParseResult Parse(string? text) => ParseResult.Fail("The parser is not built yet.");
}
