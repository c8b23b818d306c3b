using System.IO.Compression;
using System.Text.Json.Nodes;
using ImtBot.Teams.Package;

namespace ImtBot.Teams.Tests.Package;

public sealed class TeamsAppPackageTests
{
    private const string AppId = "8e0f2c1a-5b6d-4c7e-9f80-1a2b3c4d5e6f";

    [Fact]
    public void Write_AppId_ZipsTheManifestAndIconsAtTheRoot()
    {
        var path = Path.Combine(Path.GetTempPath(), $"imtbot-teams-{Guid.NewGuid():N}", "imtbot-teams.zip");
        try
        {
            TeamsAppPackage.Write(AppId, path);

            using var zip = ZipFile.OpenRead(path);
            Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
            using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
            var manifest = JsonNode.Parse(reader.ReadToEnd())!;
            Assert.Equal(AppId, manifest["id"]!.GetValue<string>());
            Assert.Equal(AppId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
            Assert.Equal(AppId, manifest["webApplicationInfo"]!["id"]!.GetValue<string>());
            Assert.Equal(manifest["$schema"]!.GetValue<string>(), $"https://developer.microsoft.com/json-schemas/teams/v{manifest["manifestVersion"]}/MicrosoftTeams.schema.json");
            Assert.Equal((192, 192), PngSize(zip, "color.png"));
            Assert.Equal((32, 32), PngSize(zip, "outline.png"));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void Manifest_DeclaresScopesCommandsAndResourceSpecificConsent()
    {
        var manifest = TeamsAppPackage.Manifest(AppId);

        var bot = manifest["bots"]![0]!;
        Assert.Equal(["team", "personal", "groupChat"], bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        var commands = bot["commandLists"]![0]!["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()).ToList();
        Assert.Contains("declare", commands);
        Assert.Contains("ack", commands);
        var rsc = manifest["authorization"]!["permissions"]!["resourceSpecific"]!.AsArray().Select(p => p!["name"]!.GetValue<string>());
        Assert.Equal(["Channel.Create.Group", "ChannelSettings.Read.Group", "ChannelMessage.Read.Group"], rsc);
        Assert.True(decimal.Parse(manifest["manifestVersion"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) >= 1.16m);
    }

    [Fact]
    public void ManifestFile_RequestsEveryResourceSpecificPermissionTheCodeUses()
    {
        var path = Path.Combine(RepoRoot(), "manifests", "teams", "manifest.json");
        var file = JsonNode.Parse(File.ReadAllText(path))!;

        var rsc = file["authorization"]!["permissions"]!["resourceSpecific"]!.AsArray().Select(p => p!["name"]!.GetValue<string>());

        Assert.Equal(ImtBot.Teams.Graph.GraphPermissions.ResourceSpecific, rsc);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ImtBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ImtBot.sln not found above the test binaries");
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-guid")]
    [InlineData("28:8e0f2c1a-5b6d-4c7e-9f80-1a2b3c4d5e6f")]
    public void Build_InvalidAppId_SaysWhatIsExpected(string appId)
    {
        var e = Assert.Throws<ArgumentException>(() => TeamsAppPackage.Build(appId));

        Assert.Contains("--app-id must be the bot's Microsoft App ID (a GUID)", e.Message, StringComparison.Ordinal);
    }

    private static (int, int) PngSize(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        var header = new byte[24];
        stream.ReadExactly(header);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(header, 12, 4));
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(20)));
    }
}
