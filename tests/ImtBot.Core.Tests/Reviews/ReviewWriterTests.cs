using System.Runtime.CompilerServices;
using ImtBot.Core.Events;
using ImtBot.Core.Reviews;
using static ImtBot.Core.Tests.Reviews.IncidentScript;
using static ImtBot.Core.Tests.Reviews.ScriptedIncidents;

namespace ImtBot.Core.Tests.Reviews;

public class ReviewWriterTests
{
    /// <summary>
    /// The whole review of the scripted incident, compared exactly with the committed golden file. To accept an
    /// intended change, run once with <c>IMTBOT_UPDATE_GOLDEN=1</c> and review the diff before committing it.
    /// </summary>
    [Fact]
    public void ToMarkdown_ScriptedIncident_MatchesGolden()
    {
        var markdown = ReviewWriter.ToMarkdown(Checkout().Events);
        var path = GoldenPath("review-inc-7.md");
        if (Environment.GetEnvironmentVariable("IMTBOT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, markdown);
        }

        Assert.Equal(File.ReadAllText(path), markdown);
    }

    /// <summary>Impact before the declaration, peak severity, the narrative and actions done after the close (INC-12).</summary>
    [Fact]
    public void ToMarkdown_ReviewedIncident_MatchesGolden()
    {
        var markdown = ReviewWriter.ToMarkdown(Reviewed().Events);
        var path = GoldenPath("review-inc-12.md");
        if (Environment.GetEnvironmentVariable("IMTBOT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, markdown);
        }

        Assert.Equal(File.ReadAllText(path), markdown);
    }

    [Fact]
    public void ToMarkdown_ScriptedIncident_StatesEveryDuration()
    {
        var markdown = ReviewWriter.ToMarkdown(Checkout().Events);

        Assert.Contains("| Time to acknowledge | 4m 10s |", markdown);
        Assert.Contains("| Time to mitigate | 58m 0s |", markdown);
        Assert.Contains("| Time to resolve | 1h 30m 0s |", markdown);
        Assert.Contains("| Total (declared → closed) | 2h 0m 0s |", markdown);
        Assert.Contains("| Time without a commander | 4m 10s | 0s |", markdown);
        Assert.Contains("| Time the comms role was empty | 17m 0s | 0s |", markdown);
        Assert.Contains("| Time the ops role was empty | 30m 0s | 0s |", markdown);
        Assert.Contains("| Longest gap between updates | 45m 0s (2026-11-27 09:20:00 → 2026-11-27 10:05:00) | every 30m 0s |", markdown);
    }

    [Fact]
    public void ToMarkdown_Drill_MarkedAtTheTop()
    {
        var lines = ReviewWriter.ToMarkdown(Drill().Events).Split('\n');

        Assert.Equal("# DRILL — INC-8: Database failover practice", lines[0]);
        Assert.Equal("> **DRILL** — a practice incident (scenario: database-failover). It is excluded from the metrics.", lines[2]);
    }

    [Fact]
    public void ToMarkdown_NormalIncident_NoDrillMarker()
    {
        Assert.DoesNotContain("DRILL", ReviewWriter.ToMarkdown(Checkout().Events));
    }

    [Fact]
    public void ToMarkdown_BrokenChain_ShowsInAudit()
    {
        var events = Checkout().Events.ToList();
        events[4] = events[4] with { Data = new NoteAdded("nothing to see") };

        var markdown = ReviewWriter.ToMarkdown(events);

        Assert.Contains("| Verification | **BROKEN at sequence 5**: sequence 5 (note\\_added at 2026-11-27T09:04:10.0000000Z) was changed after it was written", markdown);
        Assert.Contains($"| Events | {events.Count} |", markdown);
        Assert.Contains($"| Chain head (last verified link) | `{events[3].Hash}` |", markdown);
    }

    [Fact]
    public void ToMarkdown_IntactChain_ShowsHeadAndIntact()
    {
        var events = Checkout().Events;

        var markdown = ReviewWriter.ToMarkdown(events);

        Assert.Contains($"| Chain head | `{events[^1].Hash}` |", markdown);
        Assert.Contains("| Verification | intact:", markdown);
    }

    [Fact]
    public void ToMarkdown_UserText_IsEscaped()
    {
        var events = new IncidentScript(9, Start)
            .Declare(Alice, "Pipes | and *stars* <script>", 2)
            .At(T(1), Alice, new UpdatePosted("first line\nsecond [link](http://x)"))
            .Events;

        var markdown = ReviewWriter.ToMarkdown(events);

        Assert.Contains("# INC-9: Pipes \\| and \\*stars\\* \\<script>", markdown);
        Assert.Contains("| Title | Pipes \\| and \\*stars\\* \\<script> |", markdown);
        Assert.Contains("@Alice: first line\n  second \\[link\\](http://x)", markdown);
        Assert.Contains("still open", markdown);
    }

    private static string GoldenPath(string name, [CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "Golden", name);
}
