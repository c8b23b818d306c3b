namespace ImtBot.Cards;

/// <summary>A person picked in a card's <c>user</c> input: the platform's id, and the name when the platform gave one.</summary>
public sealed record CardPick(string Id, string? Name = null);
