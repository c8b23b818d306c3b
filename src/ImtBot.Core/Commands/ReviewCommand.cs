namespace ImtBot.Core.Commands;

/// <summary><c>review</c>: the post-incident review so far.</summary>
public sealed record ReviewCommand : Command;
