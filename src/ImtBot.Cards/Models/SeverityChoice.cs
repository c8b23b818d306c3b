namespace ImtBot.Cards.Models;

/// <summary>A severity on the declare form: <see cref="Value"/> is the command word (<c>sev2</c>).</summary>
public sealed record SeverityChoice(string Label, string Value, string Description);
