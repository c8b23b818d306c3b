using ImtBot.Core.Commands;
using ImtBot.Core.Incidents;
using ImtBot.Core.Reviews;
using ImtBot.Core.Tests.Incidents;

namespace ImtBot.Core.Tests.Reviews;

/// <summary><c>review.md</c> is written once per fold and shared by its readers; a newer fold gets a document of its own.</summary>
public class ReviewDocumentTests
{
    [Fact]
    public void Markdown_OfOneFold_IsWrittenOnce_AsTheReviewOfItsEvents()
    {
        var s = Scenario.Declared();
        s.Ok(People.Alice, new NoteCommand("rolled back deploy 1042"));
        var fold = Incident.Replay(s.Events);

        var first = ReviewDocument.Markdown(fold);

        Assert.Same(first, ReviewDocument.Markdown(fold));
        Assert.Equal(ReviewWriter.ToMarkdown(s.Events), first);
    }

    [Fact]
    public void Markdown_OfALaterFold_HasTheLaterEvents()
    {
        var s = Scenario.Declared();
        var before = ReviewDocument.Markdown(Incident.Replay(s.Events));
        s.Ok(People.Alice, new NoteCommand("rolled back deploy 1042"));

        var after = ReviewDocument.Markdown(Incident.Replay(s.Events));

        Assert.DoesNotContain("rolled back deploy 1042", before, StringComparison.Ordinal);
        Assert.Contains("rolled back deploy 1042", after, StringComparison.Ordinal);
    }
}
