using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ImtBot.Tests.Infrastructure;

namespace ImtBot.Tests.Alerts;

/// <summary>
/// A <c>page &lt;role&gt;</c> route (here: no route matches, so ops is paged) pages on an alert page, not an incident:
/// through the real endpoint, the console's page cards and their buttons, the outbox and the fake clock.
/// </summary>
public class AlertPageFlowTests
{
    private static readonly TimeSpan PageTimeout = TimeSpan.FromMinutes(60); // SEV4's: the least severity's policy

    /// <summary>The cards in a person's direct messages; none before the bot first wrote to them.</summary>
    private static async Task<List<JsonNode>> CardsAsync(TestHost host, string user)
    {
        var response = await host.Http.GetAsync($"/api/console/channels/dm-{user}/messages?user={user}");
        return response.StatusCode == System.Net.HttpStatusCode.NotFound
            ? []
            : [.. (await response.Content.ReadFromJsonAsync<JsonArray>())!.OfType<JsonNode>().Where(m => m["card"] is not null)];
    }

    private static async Task<JsonObject> PageCardAsync(TestHost host, string user) =>
        (await host.MessagesAsync("dm-" + user, user)).Last(m => m!["card"] is not null)!.AsObject();

    private static IEnumerable<JsonNode> FindActions(JsonNode node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() is "Action.Execute" or "Action.Submit" => [o],
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : FindActions(p.Value)),
        JsonArray a => a.OfType<JsonNode>().SelectMany(FindActions),
        _ => [],
    };

    private static async Task<HttpResponseMessage> ClickAsync(TestHost host, string user, string title)
    {
        var card = await PageCardAsync(host, user);
        var action = FindActions(card["card"]!).First(a => (string?)a["title"] == title);
        var click = await host.Http.PostAsJsonAsync("/api/console/actions", new { user, messageId = (string)card["id"]!, data = action["data"] });
        click.EnsureSuccessStatusCode();
        await host.DrainOutboxAsync();
        return click;
    }

    private static Task<JsonObject> AlertPageAsync(TestHost host, string key = "AP-1") => host.GetJsonAsync("/api/alert-pages/" + key);

    [Fact]
    public async Task PageRoute_PageCardOnTheConsole_AckButton_NoIncident_AckRecordedWithWhoAndWhen()
    {
        await using var host = await AlertHost.StartAsync();

        var response = await host.PostAsync("/api/alerts/gen", AlertHost.Generic("q1"), AlertHost.GenericToken);
        await host.DrainOutboxAsync();

        var outcome = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["alerts"]![0]!;
        Assert.Equal("paged", (string?)outcome["result"]);
        Assert.Equal("AP-1", (string?)outcome["alertPage"]);
        Assert.Null((string?)outcome["incident"]);
        var card = await PageCardAsync(host, "bob");
        Assert.Contains("Queue backlog", (string)card["text"]! + card["card"]!.ToJsonString());
        Assert.Contains(FindActions(card["card"]!), a => (string?)a["title"] == "Acknowledge");

        host.Clock.Advance(TimeSpan.FromMinutes(3));
        await ClickAsync(host, "bob", "Acknowledge");

        Assert.Empty(await host.GetArrayAsync("/api/incidents"));
        var page = await AlertPageAsync(host);
        Assert.Equal("Acknowledged", (string?)page["state"]);
        Assert.Equal("bob", (string?)page["acknowledgedBy"]);
        Assert.Equal(TestHost.Epoch.AddMinutes(3), (DateTimeOffset)page["acknowledgedAt"]!);
        Assert.Equal("Acknowledged", (string?)page["pages"]![0]!["status"]);

        // The card was redrawn in place: no Acknowledge any more, the engineer's next moves instead.
        var redrawn = FindActions((await PageCardAsync(host, "bob"))["card"]!).Select(a => (string?)a["title"]).ToList();
        Assert.DoesNotContain("Acknowledge", redrawn);
        Assert.Contains("Declare incident", redrawn);
        Assert.Contains("Silence 1h", redrawn);

        // Later pages of the role never come: the deadline passes with the page answered.
        await host.AdvanceAsync(PageTimeout + TimeSpan.FromMinutes(1));
        Assert.Single((await AlertPageAsync(host))["pages"]!.AsArray());
        Assert.Empty(await CardsAsync(host, "carol"));
    }

    [Fact]
    public async Task Verify_NamesTheAlertPagesLogStreamAP1_NotANegativeIncident()
    {
        string db;
        await using (var host = await AlertHost.StartAsync())
        {
            db = host.DatabasePath;
            await host.PostAsync("/api/alerts/gen", AlertHost.Generic("q1"), AlertHost.GenericToken);
            await host.DrainOutboxAsync();
        }

        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = await ImtBot.Hosting.CliVerbs.TryRunAsync(["verify", $"--Storage:Path={db}"], stdout, stderr);

        Assert.Equal(ImtBot.Hosting.CliVerbs.Ok, code);
        Assert.Matches(@"(?m)^AP-1: valid, \d+ events", stdout.ToString());
        Assert.Contains("0 incidents and 1 alert pages verified, 0 broken.", stdout.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("INC--", stdout.ToString() + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BareAckInTheDirectMessage_AcknowledgesTheOneAlertPage()
    {
        await using var host = await AlertHost.StartAsync();
        await host.PostAsync("/api/alerts/gen", AlertHost.Generic("q1"), AlertHost.GenericToken);
        await host.DrainOutboxAsync();

        var reply = await host.SayAsync("bob", "dm-bob", "/incident ack");

        Assert.True(reply.Accepted, reply.Text);
        Assert.Equal("Acknowledged", (string?)(await AlertPageAsync(host))["state"]);
        Assert.False((await host.SayAsync("carol", "general", "/incident ack AP-1")).Accepted);
    }

    [Fact]
    public async Task Unanswered_EscalatesDownTheListOnTheFakeClock_ThenTheAlertResolves_ThePagedPersonIsToldAndPagingStops()
    {
        await using var host = await AlertHost.StartAsync();
        await host.PostAsync("/api/alerts/gen", AlertHost.Generic("q1"), AlertHost.GenericToken);
        await host.DrainOutboxAsync();

        await host.AdvanceAsync(PageTimeout - TimeSpan.FromMinutes(1));
        Assert.Empty(await CardsAsync(host, "carol"));
        await host.AdvanceAsync(TimeSpan.FromMinutes(2));

        var page = await AlertPageAsync(host);
        Assert.Equal(["Expired", "Paged"], page["pages"]!.AsArray().Select(p => (string)p!["status"]!));
        Assert.Equal("carol", (string?)page["pages"]![1]!["to"]);
        Assert.Contains(FindActions((await PageCardAsync(host, "carol"))["card"]!), a => (string?)a["title"] == "Acknowledge");
        Assert.DoesNotContain(FindActions((await PageCardAsync(host, "bob"))["card"]!), a => (string?)a["title"] == "Acknowledge");

        var resolved = await host.PostAsync("/api/alerts/gen", AlertHost.Generic("q1", status: "resolved"), AlertHost.GenericToken);
        await host.DrainOutboxAsync();

        Assert.Equal("resolved", (string?)JsonNode.Parse(await resolved.Content.ReadAsStringAsync())!["alerts"]![0]!["result"]);
        Assert.Contains(await host.MessagesAsync("dm-carol", "carol"), m => ((string)m!["text"]!).StartsWith("AP-1 resolved: Queue backlog", StringComparison.Ordinal));
        Assert.Equal("Resolved", (string?)(await AlertPageAsync(host))["state"]);

        await host.AdvanceAsync(PageTimeout * 3);
        Assert.Equal(2, (await AlertPageAsync(host))["pages"]!.AsArray().Count);
        Assert.Empty(await host.GetArrayAsync("/api/incidents"));
    }

    [Fact]
    public async Task Restart_MidEscalation_TheNextPersonIsPagedOnce()
    {
        string database;
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestHost.Epoch);
        await using (var first = await TestHost.StartAsync(null, clock, AlertHost.Settings))
        {
            database = first.DatabasePath;
            await first.PostAsync("/api/alerts/gen", AlertHost.Generic("q1"), AlertHost.GenericToken);
            await first.DrainOutboxAsync();
            Assert.Single(await CardsAsync(first, "bob"));
        }

        await using var second = await TestHost.StartAsync(database, clock, AlertHost.Settings);
        await second.AdvanceAsync(PageTimeout + TimeSpan.FromMinutes(1));
        await second.DrainOutboxAsync();
        await second.AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.Single(await CardsAsync(second, "carol"));
        var page = await AlertPageAsync(second);
        Assert.Equal(2, page["pages"]!.AsArray().Count);
        Assert.Empty(await second.GetArrayAsync("/api/incidents"));
    }

    [Fact]
    public async Task DeclareIncidentButton_CarriesTheAlertIntoTheIncident_AndLaterFiringGoesThere()
    {
        await using var host = await AlertHost.StartAsync();
        await host.PostAsync("/api/alerts/gen", AlertHost.Generic("q1", labels: "{\"service\":\"queue\",\"region\":\"eu\"}"), AlertHost.GenericToken);
        await host.DrainOutboxAsync();
        await ClickAsync(host, "bob", "Acknowledge");

        await ClickAsync(host, "bob", "Declare incident");

        var incident = Assert.Single(await host.GetArrayAsync("/api/incidents"))!;
        var number = (int)incident["number"]!;
        var alerts = await host.GetJsonAsync($"/api/incidents/{number}/alerts");
        var alert = Assert.Single(alerts["alerts"]!.AsArray())!;
        Assert.Equal("q1", (string?)alert["fingerprint"]);
        Assert.Equal("eu", (string?)alert["labels"]!["region"]);
        var declared = await AlertPageAsync(host);
        Assert.Equal("Declared", (string?)declared["state"]);
        Assert.Equal($"INC-{number}", (string?)declared["incident"]);
        Assert.Equal("bob", (string?)declared["declaredBy"]);
        Assert.Empty(FindActions((await PageCardAsync(host, "bob"))["card"]!));

        var again = await host.PostAsync("/api/alerts/gen", AlertHost.Generic("q1"), AlertHost.GenericToken);
        Assert.Equal("added", (string?)JsonNode.Parse(await again.Content.ReadAsStringAsync())!["alerts"]![0]!["result"]);
        Assert.Equal(2, (int)(await host.GetJsonAsync($"/api/incidents/{number}/alerts"))["alerts"]![0]!["count"]!);
        Assert.False((await host.SayAsync("bob", "dm-bob", $"/incident declare AP-1")).Accepted);
        Assert.Single(await host.GetArrayAsync("/api/incidents"));
    }
}
