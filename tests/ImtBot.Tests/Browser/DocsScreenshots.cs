using ImtBot.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ImtBot.Tests.Browser;

/// <summary>
/// Screenshots the README shows (docs/console.png, docs/incident-page.png). A test run writes them under its own
/// output folder (bin/…/screenshots) so it leaves the clone clean; IMTBOT_UPDATE_DOCS=1 also writes them over the
/// copies in docs/, to refresh the README's pictures on purpose.
/// </summary>
public static class DocsScreenshots
{
    public const string UpdateVariable = "IMTBOT_UPDATE_DOCS";

    public static string OutputFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Where a screenshot named <paramref name="name"/> is written for a given IMTBOT_UPDATE_DOCS value.</summary>
    public static IReadOnlyList<string> Targets(string name, string? updateSetting, string outputFolder, string docsFolder) =>
        updateSetting?.Trim() == "1"
            ? [Path.Combine(outputFolder, name), Path.Combine(docsFolder, name)]
            : [Path.Combine(outputFolder, name)];

    /// <summary>Takes a screenshot of the page and writes it to every target; returns the PNG bytes.</summary>
    public static async Task<byte[]> SaveAsync(IPage page, string name)
    {
        var bytes = await page.ScreenshotAsync();
        var targets = Targets(name, Environment.GetEnvironmentVariable(UpdateVariable), OutputFolder, Path.Combine(RepositoryRoot.Path, "docs"));
        foreach (var target in targets)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllBytesAsync(target, bytes);
        }

        return bytes;
    }
}
