namespace ImtBot.Core.Events;

/// <summary>
/// A section of the review written in words (<see cref="Reviews.ReviewSections"/>: <c>summary</c>, <c>cause</c>,
/// <c>resolution</c>); writing it again replaces the text and adds the writer to its authors.
/// </summary>
public sealed record ReviewTextWritten(string Section, string Text) : EventData;
