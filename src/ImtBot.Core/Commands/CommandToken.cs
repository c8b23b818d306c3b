namespace ImtBot.Core.Commands;

/// <summary>One word of command text: its value (quotes removed), where it sits in the text, and whether it was quoted.</summary>
internal readonly record struct CommandToken(string Value, int Start, int End, bool Quoted)
{
    /// <summary>The value when unquoted, else null: keywords (<c>sev1</c>, <c>drill</c>, <c>due</c>) never match quoted words.</summary>
    public string? Bare => Quoted ? null : Value;

    public bool Is(string keyword) => !Quoted && string.Equals(Value, keyword, StringComparison.OrdinalIgnoreCase);
}
