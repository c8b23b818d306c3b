using System.Runtime.CompilerServices;
using ImtBot.Core.Incidents;

namespace ImtBot.Core.Reviews;

/// <summary>
/// <c>review.md</c> of a folded incident, written once per fold: a fold is never changed once cached, and its review
/// depends on nothing else (open intervals end at its close or its last event, not at the time of the request), so
/// every reader of one version shares one document instead of rebuilding 1.3 MB of Markdown from 10,000 events each.
/// </summary>
/// <remarks>
/// Kept beside the fold for as long as the fold lives (a weak table): when a new event replaces the fold in the cache,
/// the old document goes with it, so this holds at most one document per incident that was read.
/// </remarks>
public static class ReviewDocument
{
    private static readonly ConditionalWeakTable<Incident, string> Written = new();

    public static string Markdown(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return Written.GetValue(incident, static i => ReviewWriter.ToMarkdown(ReviewModel.From(i)));
    }
}
