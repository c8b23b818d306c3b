namespace ImtBot.Cards.Models;

/// <summary>A person to pick: <see cref="Value"/> is the platform user id, <see cref="Title"/> the display name.</summary>
public sealed record ChoiceRow(string Title, string Value);
