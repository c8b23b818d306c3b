namespace ImtBot.Cards.Models;

/// <summary>A follow-up action on the review card.</summary>
public sealed record ActionItemRow(string Text, string Owner, bool Done, string Mark);
