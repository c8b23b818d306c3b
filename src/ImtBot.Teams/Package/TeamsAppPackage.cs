using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using ImtBot.Teams.Graph;

namespace ImtBot.Teams.Package;

/// <summary>
/// Writes the sideloadable Teams app package (<c>manifest.json</c>, <c>color.png</c>, <c>outline.png</c> at the zip root)
/// from <c>manifests/teams</c> (embedded at build time), with the bot's Microsoft App ID as the app id, the bot id and
/// <c>webApplicationInfo.id</c> (which RSC requires), and the resource-specific permissions of
/// <see cref="GraphPermissions.ResourceSpecific"/>. CLI: <c>teams package --app-id &lt;guid&gt; --out imtbot-teams.zip</c>.
/// </summary>
public static class TeamsAppPackage
{
    private const string Prefix = "ImtBot.Teams.Package.";

    /// <summary>Writes the zip to <paramref name="outputPath"/> (replacing it).</summary>
    /// <exception cref="ArgumentException">The app id is not a GUID.</exception>
    public static void Write(string appId, string outputPath)
    {
        var bytes = Build(appId);
        var directory = Path.GetDirectoryName(Path.GetFullPath(outputPath));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllBytes(outputPath, bytes);
    }

    /// <summary>The zip as bytes.</summary>
    public static byte[] Build(string appId)
    {
        var manifest = Manifest(appId);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry("manifest.json", CompressionLevel.Optimal);
            using (var writer = new StreamWriter(entry.Open()))
            {
                writer.Write(manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            }

            foreach (var icon in new[] { "color.png", "outline.png" })
            {
                using var source = Resource(icon);
                using var target = zip.CreateEntry(icon, CompressionLevel.Optimal).Open();
                source.CopyTo(target);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The manifest with the app id filled in.</summary>
    public static JsonObject Manifest(string appId)
    {
        if (!Guid.TryParse(appId, out var id))
        {
            throw new ArgumentException($"--app-id must be the bot's Microsoft App ID (a GUID), got '{appId}'.", nameof(appId));
        }

        var value = id.ToString("D");
        using var stream = Resource("manifest.json");
        var manifest = JsonNode.Parse(stream)!.AsObject();
        manifest["id"] = value;
        foreach (var bot in manifest["bots"]!.AsArray())
        {
            bot!["botId"] = value;
        }

        manifest["webApplicationInfo"] = new JsonObject
        {
            ["id"] = value,
            ["resource"] = $"api://botid-{value}",
        };

        // The RSC permissions come from the list the code relies on, so the package cannot ask for less than it needs.
        manifest["authorization"] = new JsonObject
        {
            ["permissions"] = new JsonObject
            {
                ["resourceSpecific"] = new JsonArray(GraphPermissions.ResourceSpecific
                    .Select(p => (JsonNode)new JsonObject { ["name"] = p, ["type"] = "Application" }).ToArray()),
            },
        };
        return manifest;
    }

    private static Stream Resource(string name) =>
        typeof(TeamsAppPackage).Assembly.GetManifestResourceStream(Prefix + name)
        ?? throw new InvalidOperationException($"the Teams app package resource {name} is missing from the build");
}
