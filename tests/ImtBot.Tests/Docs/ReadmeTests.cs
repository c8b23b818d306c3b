using ImtBot.Core.Commands;
using ImtBot.Core.Incidents;
using ImtBot.Tests.Infrastructure;

namespace ImtBot.Tests.Docs;

/// <summary>
/// The README's generated parts must equal what the code says: the lifecycle diagram drawn from the state machine
/// and the command reference from the command table. Run with <c>IMTBOT_UPDATE_README=1</c> to rewrite them.
/// </summary>
public class ReadmeTests
{
    private static readonly string ReadmePath = Path.Combine(RepositoryRoot.Path, "README.md");

    [Fact]
    public void Readme_LifecycleDiagram_MatchesStateMachine() =>
        AssertSection("lifecycle", "```mermaid\n" + IncidentLifecycle.MermaidDiagram().Trim() + "\n```");

    [Fact]
    public void Readme_CommandReference_MatchesCommandTable() =>
        AssertSection("commands", CommandHelp.MarkdownTable().Trim());

    private static void AssertSection(string name, string expected)
    {
        var begin = $"<!-- generated:{name} -->";
        var end = $"<!-- /generated:{name} -->";
        var readme = File.ReadAllText(ReadmePath).ReplaceLineEndings("\n");
        var start = readme.IndexOf(begin, StringComparison.Ordinal);
        var stop = readme.IndexOf(end, StringComparison.Ordinal);
        Assert.True(start >= 0 && stop > start, $"README.md has no {begin} … {end} section");

        var actual = readme[(start + begin.Length)..stop].Trim();
        if (actual != expected && Environment.GetEnvironmentVariable("IMTBOT_UPDATE_README") == "1")
        {
            File.WriteAllText(ReadmePath, readme[..(start + begin.Length)] + "\n" + expected + "\n" + readme[stop..]);
            return;
        }

        Assert.True(actual == expected, $"README.md section \"{name}\" is stale; run the tests with IMTBOT_UPDATE_README=1 and commit the change.\nExpected:\n{expected}");
    }
}
