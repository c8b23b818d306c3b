using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ImtBot.Slack.Tests.Manifests;

/// <summary>The two manifests agree with each other, with the endpoints MapSlack serves, and with the scope table in docs/slack.md.</summary>
public sealed class SlackManifestTests
{
    private static readonly string Root = FindRoot();

    private static JsonNode Load(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "manifests", "slack", file)))!;

    private static string[] Scopes(JsonNode manifest) =>
        manifest["oauth_config"]!["scopes"]!["bot"]!.AsArray().Select(s => (string)s!).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Manifests_SameScopesAndEvents()
    {
        var socket = Load("manifest.json");
        var http = Load("manifest.http.json");

        Assert.Equal(Scopes(socket), Scopes(http));
        Assert.Equal(socket["settings"]!["event_subscriptions"]!["bot_events"]!.ToJsonString(), http["settings"]!["event_subscriptions"]!["bot_events"]!.ToJsonString());
        Assert.Null(socket["oauth_config"]!["scopes"]!["user"]);
    }

    [Fact]
    public void SocketManifest_HasSocketModeAndNoUrls()
    {
        var socket = Load("manifest.json");

        Assert.True((bool)socket["settings"]!["socket_mode_enabled"]!);
        Assert.DoesNotContain("request_url", socket.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(socket["features"]!["slash_commands"]![0]!["url"]);
    }

    [Fact]
    public void HttpManifest_PointsAtTheMappedEndpoints()
    {
        var http = Load("manifest.http.json");

        Assert.False((bool)http["settings"]!["socket_mode_enabled"]!);
        Assert.EndsWith("/api/slack/commands", (string)http["features"]!["slash_commands"]![0]!["url"]!);
        Assert.EndsWith("/api/slack/events", (string)http["settings"]!["event_subscriptions"]!["request_url"]!);
        Assert.EndsWith("/api/slack/interactions", (string)http["settings"]!["interactivity"]!["request_url"]!);
    }

    [Fact]
    public void Manifests_SlashCommandEscapesMentionsForTheParser() =>
        Assert.True((bool)Load("manifest.json")["features"]!["slash_commands"]![0]!["should_escape"]!);

    [Fact]
    public void Docs_JustifyEveryScopeAndNoOther()
    {
        // The Slack set-up (docs/slack.md before) is now the README's "Connect a Slack workspace" section.
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var start = readme.IndexOf("## Connect a Slack workspace", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no \"Connect a Slack workspace\" section");
        var end = readme.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        var docs = end < 0 ? readme[start..] : readme[start..end];
        var documented = Regex.Matches(docs, @"^\| `([a-z_.:]+)` \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(Scopes(Load("manifest.json")), documented);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ImtBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("ImtBot.sln not found above " + AppContext.BaseDirectory);
    }
}
