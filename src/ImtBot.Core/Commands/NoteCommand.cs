namespace ImtBot.Core.Commands;

/// <summary><c>note &lt;text&gt;</c>: add to the timeline.</summary>
public sealed record NoteCommand(string Text) : Command;
