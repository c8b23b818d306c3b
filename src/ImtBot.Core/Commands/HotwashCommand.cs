namespace ImtBot.Core.Commands;

/// <summary><c>hotwash &lt;text&gt;</c>: an answer in a drill's hot wash.</summary>
public sealed record HotwashCommand(string Text) : Command;
