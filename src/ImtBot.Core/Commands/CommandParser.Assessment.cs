namespace ImtBot.Core.Commands;

/// <summary>The declaration's assessment answers: trailing <c>question=answer</c> words (<c>data=yes</c>).</summary>
public static partial class CommandParser
{
    /// <summary>An unquoted <c>id=answer</c> word of letters, digits, dashes and underscores; quoted or anything else is title.</summary>
    private static (string Question, string Value)? Answer(CommandToken token)
    {
        if (token.Quoted)
        {
            return null;
        }

        var parts = token.Value.Split('=');
        return parts.Length == 2 && IsAnswerWord(parts[0]) && IsAnswerWord(parts[1])
            ? (parts[0].ToLowerInvariant(), parts[1].ToLowerInvariant())
            : null;
    }

    private static bool IsAnswerWord(string word) =>
        word.Length is > 0 and <= 32 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
