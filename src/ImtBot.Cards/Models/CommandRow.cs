namespace ImtBot.Cards.Models;

/// <summary>One command on the help card.</summary>
public sealed record CommandRow(string Usage, string Description);
