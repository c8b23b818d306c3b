using ImtBot.Core.Events;

namespace ImtBot.Core.Reviews;

/// <summary>Writes the post-incident review as Markdown, computed from the events only.</summary>
public static class ReviewWriter
{
    public static string ToMarkdown(IReadOnlyList<IncidentEvent> events) => "# Review\n\n(not built yet)\n";
}
