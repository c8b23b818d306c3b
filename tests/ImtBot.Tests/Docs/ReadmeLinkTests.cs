using System.Text.RegularExpressions;
using ImtBot.Tests.Infrastructure;

namespace ImtBot.Tests.Docs;

/// <summary>
/// Every picture and file the README links to inside the repository exists: a card or screenshot deleted or renamed
/// must take its README reference with it.
/// </summary>
public partial class ReadmeLinkTests
{
    [Fact]
    public void Readme_LocalLinksAndImages_PointAtFilesThatExist()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));

        var targets = LocalLink().Matches(readme).Select(m => m.Groups["path"].Value).Distinct().ToArray();

        Assert.Contains("docs/console.png", targets);
        Assert.All(targets, t => Assert.True(
            File.Exists(Path.Combine(RepositoryRoot.Path, t)) || Directory.Exists(Path.Combine(RepositoryRoot.Path, t)),
            $"README links to {t}, which is not in the repository."));
    }

    // ](path) or ](path#anchor) where path is relative (no scheme, not an in-page anchor).
    [GeneratedRegex(@"\]\((?<path>(?![a-z]+:|#)[^)#\s]+)(#[^)]*)?\)")]
    private static partial Regex LocalLink();
}
