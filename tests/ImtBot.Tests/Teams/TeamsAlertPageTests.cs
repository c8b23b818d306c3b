using System.Net;
using System.Text.Json.Nodes;
using ImtBot.Teams.Testing;
using ImtBot.Tests.Alerts;

namespace ImtBot.Tests.Teams;

/// <summary>
/// An alert page on Teams, through the real alert endpoint and <c>/api/messages</c>: the page card in the on-call
/// person's 1:1 chat, its Acknowledge button (an Action.Execute invoke), the card refreshed in place; no incident.
/// </summary>
public sealed class TeamsAlertPageTests
{
    private static readonly TeamsUser Bob = TeamsUser.Bob;

    [Fact]
    public async Task PageRoute_PageCardInTheChat_AckInvoke_CardRefreshedInPlace_NoIncident()
    {
        await using var teams = await TeamsHarness.StartAsync(
        [
            .. AlertHost.Settings.Where(s => !s.StartsWith("Incidents:OnCall", StringComparison.Ordinal)),
            "Alerts:Platform=teams", "Incidents:OnCall:ops:0=" + Bob.AadObjectId, "Incidents:OnCall:ops:1=aad-carol",
        ]);
        var host = teams.Host;
        Assert.Equal(HttpStatusCode.OK, (await teams.PostAsync(TeamsHarness.BotAdded())).StatusCode);

        // No route matches the alert: ops is paged on AP-1, and Bob (first on the list, by his Entra id) gets the card in a 1:1.
        (await host.PostAsync("/api/alerts/gen", AlertHost.Generic("q1"), AlertHost.GenericToken)).EnsureSuccessStatusCode();
        await host.DrainOutboxAsync();

        var chat = Assert.Single(teams.Requests(HttpMethod.Post, TeamsHarness.Connector("v3/conversations")), r => r.Json["isGroup"]!.GetValue<bool>() == false);
        Assert.Equal(Bob.Id, (string)chat.Json["members"]![0]!["id"]!); // his Teams id, looked up from the Entra id
        var page = Assert.Single(teams.Requests(HttpMethod.Post, TeamsHarness.Connector("v3/conversations", TeamsHarness.BobChat, "activities")));
        var card = page.Json["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string)card["contentType"]!);
        Assert.Contains(Texts(card["content"]!), t => t.Contains("You are paged for AP-1", StringComparison.Ordinal));
        Assert.Contains(Texts(card["content"]!), t => t.Contains("Queue backlog", StringComparison.Ordinal));
        Assert.Equal(
            new[] { "ack AP-1", "decline AP-1", "declare AP-1", "silence AP-1 1h", "silence AP-1 4h" }.Order(),
            Actions(card["content"]!).Select(a => (string?)a["data"]?["command"]).Order());
        Assert.Empty(teams.Requests(HttpMethod.Post, TeamsHarness.GraphBaseUrl + $"teams/{TeamsHarness.GroupId}/channels"));

        // Bob clicks Acknowledge: the HTTP answer is the page card, refreshed for him, with nothing left to acknowledge.
        host.Clock.Advance(TimeSpan.FromMinutes(3));
        var acknowledge = Actions(card["content"]!).Single(a => (string?)a["title"] == "Acknowledge");
        var pageId = (string)page.ResponseJson["id"]!;
        var click = TeamsHarness.CardAction(Bob, TeamsHarness.BobChat, "f:ack-ap-1", pageId, acknowledge["data"]!.AsObject());
        var response = await teams.PostAsync(click);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var invoke = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, (int)invoke["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)invoke["type"]);
        var answered = Texts(invoke["value"]!);
        Assert.Contains(answered, t => t.Contains("You are paged for AP-1", StringComparison.Ordinal));
        Assert.Contains(answered, t => t.Contains("You acknowledged this page", StringComparison.Ordinal));
        Assert.DoesNotContain(Actions(invoke["value"]!), a => (string?)a["title"] == "Acknowledge");

        // The same card reaches the chat by PUT, edited in place (the activity posted, never a second post).
        await host.DrainOutboxAsync();
        var put = teams.Requests(HttpMethod.Put, TeamsHarness.Connector("v3/conversations", TeamsHarness.BobChat, "activities", pageId));
        Assert.NotEmpty(put);
        Assert.Equal(pageId, (string?)put[^1].Json["id"]);
        var redrawn = put[^1].Json["attachments"]![0]!["content"]!;
        Assert.Contains(Texts(redrawn), t => t.Contains("You acknowledged this page", StringComparison.Ordinal));
        Assert.DoesNotContain(Actions(redrawn), a => (string?)a["title"] == "Acknowledge");
        Assert.True(JsonNode.DeepEquals(redrawn, invoke["value"]), "the invoke answer and the PUT render the same card");
        Assert.Single(teams.Requests(HttpMethod.Post, TeamsHarness.Connector("v3/conversations", TeamsHarness.BobChat, "activities")));

        // Teams delivers the same click again: the same card comes back, nothing is applied or sent twice.
        var history = (await host.GetJsonAsync("/api/alert-pages/AP-1"))["history"]!.AsArray().Count;
        var sent = teams.Http.Requests.Count;
        var again = JsonNode.Parse(await (await teams.PostAsync(click.DeepClone().AsObject())).Content.ReadAsStringAsync())!;
        Assert.True(JsonNode.DeepEquals(invoke["value"], again["value"]), "a redelivered click answers with the same card");
        await host.DrainOutboxAsync();
        Assert.Equal(history, (await host.GetJsonAsync("/api/alert-pages/AP-1"))["history"]!.AsArray().Count);
        Assert.Equal(sent, teams.Http.Requests.Count);

        // Acknowledged by Bob (his Entra id) when he clicked; no incident, no channel.
        var alertPage = await host.GetJsonAsync("/api/alert-pages/AP-1");
        Assert.Equal("Acknowledged", (string?)alertPage["state"]);
        Assert.Equal(Bob.AadObjectId, (string?)alertPage["acknowledgedBy"]);
        Assert.Equal(host.Clock.GetUtcNow(), (DateTimeOffset)alertPage["acknowledgedAt"]!);
        Assert.Empty(await host.GetArrayAsync("/api/incidents"));
        Assert.Empty(teams.Requests(HttpMethod.Post, TeamsHarness.GraphBaseUrl + $"teams/{TeamsHarness.GroupId}/channels"));
    }

    /// <summary>Every <c>text</c> value in a card (TextBlocks and TextRuns), unescaped.</summary>
    private static List<string> Texts(JsonNode card) => card switch
    {
        JsonObject o => [.. o.SelectMany(p => p.Key == "text" && p.Value is JsonValue v && v.TryGetValue<string>(out var t) ? [t] : p.Value is null ? [] : Texts(p.Value))],
        JsonArray a => [.. a.Where(n => n is not null).SelectMany(n => Texts(n!))],
        _ => [],
    };

    /// <summary>Every Action.Execute in a card.</summary>
    private static List<JsonObject> Actions(JsonNode card) => card switch
    {
        JsonObject o => [.. (o["type"]?.GetValue<string>() == "Action.Execute" ? [o] : Array.Empty<JsonObject>()).Concat(o.SelectMany(p => p.Value is null ? [] : Actions(p.Value)))],
        JsonArray a => [.. a.Where(n => n is not null).SelectMany(n => Actions(n!))],
        _ => [],
    };
}
