namespace ImtBot.Core.Commands;

/// <summary><c>summary|cause|resolution &lt;text&gt;</c>: writes one section of the review (<see cref="Reviews.ReviewSections"/>).</summary>
public sealed record ReviewTextCommand(string Section, string Text) : Command;
