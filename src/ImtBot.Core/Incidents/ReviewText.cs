using ImtBot.Core.Platforms;

namespace ImtBot.Core.Incidents;

/// <summary>A section of the review written in words: its text, everyone who wrote it (first writer first), when it last changed.</summary>
public sealed record ReviewText(string Text, IReadOnlyList<UserRef> Authors, DateTimeOffset LastWritten);
