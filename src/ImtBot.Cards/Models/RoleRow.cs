namespace ImtBot.Cards.Models;

/// <summary>One role of an incident: who holds it, or <see cref="Filled"/> false (highlighted) when nobody does.</summary>
public sealed record RoleRow(string Role, string Label, string Holder, bool Filled, string Color);
