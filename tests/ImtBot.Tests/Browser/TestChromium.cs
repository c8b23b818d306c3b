using System.Collections;
using ImtBot.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ImtBot.Tests.Browser;

/// <summary>
/// The Chromium the browser tests drive. Debian's (/usr/bin/chromium) where installed; otherwise the one shipped in
/// the npm package @sparticuz/chromium, which the tests fetch with npm ci and unpack once (Playwright's own browser
/// download needs a host this project cannot reach). IMTBOT_CHROMIUM=npm forces the npm browser even where Debian's
/// is installed, and IMTBOT_CHROMIUM=/some/chromium picks any executable.
/// </summary>
public sealed class TestChromium
{
    public const string DebianExecutable = "/usr/bin/chromium";
    public const string ChoiceVariable = "IMTBOT_CHROMIUM";
    public const string NpmChoice = "npm";

    // No sandbox (tests run as root in containers), no GPU, and nothing that calls out to Google's services. The npm
    // build (chrome-headless-shell built for Lambda) runs under Playwright with these same flags.
    private static readonly string[] Args =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private static readonly Lazy<Task<TestChromium>> Shared = new(ResolveAsync);

    private readonly string executable;
    private readonly IReadOnlyDictionary<string, string>? environment;

    private TestChromium(string executable, IReadOnlyDictionary<string, string>? environment, string description)
    {
        this.executable = executable;
        this.environment = environment;
        Description = description;
    }

    /// <summary>Which browser this run uses and how it was obtained, for the test's output.</summary>
    public string Description { get; }

    /// <summary>The browser for this test run, resolved (and for npm, fetched and unpacked) once per process.</summary>
    public static Task<TestChromium> GetAsync() => Shared.Value;

    /// <summary>The executable to use for a setting of IMTBOT_CHROMIUM; null means the npm package's.</summary>
    public static string? ChooseExecutable(string? setting, bool debianInstalled) => setting?.Trim() switch
    {
        null or "" => debianInstalled ? DebianExecutable : null,
        NpmChoice => null,
        var path => path,
    };

    /// <summary>
    /// Waits in a page give up after 90 s instead of Playwright's 30: a guard, not a measurement. On a CI machine
    /// with every test project running at once, a console push has taken longer than 30 s to reach the page.
    /// </summary>
    public static IPage Patient(IPage page)
    {
        page.SetDefaultTimeout(90_000);
        return page;
    }

    public BrowserTypeLaunchOptions LaunchOptions() => new()
    {
        ExecutablePath = executable,
        Headless = true,
        Args = Args,
        Env = environment,
    };

    private static async Task<TestChromium> ResolveAsync()
    {
        var chosen = ChooseExecutable(Environment.GetEnvironmentVariable(ChoiceVariable), File.Exists(DebianExecutable));
        if (chosen is not null)
        {
            Assert.True(File.Exists(chosen), $"{chosen} (from {ChoiceVariable}) does not exist.");
            return new TestChromium(chosen, null, chosen);
        }

        var npm = await NpmChromium.EnsureAsync(NpmChromium.PackageFolder(RepositoryRoot.Path));

        // Playwright hands the browser exactly this environment, so start from ours and add the bundled NSS libraries
        // and fonts: with them the npm browser needs nothing from Debian but the C library.
        var env = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");
        env["LD_LIBRARY_PATH"] = env.TryGetValue("LD_LIBRARY_PATH", out var existing) && existing.Length > 0
            ? npm.LibraryPath + ":" + existing
            : npm.LibraryPath;
        env["FONTCONFIG_PATH"] = npm.FontconfigPath;
        return new TestChromium(npm.ExecutablePath, env,
            $"npm @sparticuz/chromium {npm.Version} at {npm.ExecutablePath} ({npm.HowObtained})");
    }
}
