namespace ImtBot.Cards.Models;

/// <summary>A label and its value: a Teams fact, a Slack field.</summary>
public sealed record LabelledText(string Label, string Text);
