using System.Net;
using System.Text.Json.Nodes;
using ImtBot.Teams.Testing;

namespace ImtBot.Tests.Teams;

/// <summary>
/// Issue 7: a whole incident through <c>/api/messages</c> with signed tokens, on the real host — the real
/// <c>IncidentService</c>, LiteDB file, cards and <c>TeamsPlatform</c> — against fakes of Entra, Graph and the Bot
/// Connector, on a fake clock with the outbox drained step by step.
/// </summary>
public sealed class TeamsIncidentFlowTests
{
    private static readonly TeamsUser Alice = TeamsUser.Alice;
    private static readonly TeamsUser Bob = TeamsUser.Bob;

    [Fact]
    public async Task WholeIncident_ThroughApiMessages_ChannelCardPagePutAndReview()
    {
        await using var teams = await TeamsHarness.StartAsync();
        var host = teams.Host;

        // The bot is added to the team: the team reference is stored, nothing is posted.
        Assert.Equal(HttpStatusCode.OK, (await teams.PostAsync(TeamsHarness.BotAdded())).StatusCode);

        // Alice declares in the General channel; the answer comes back as a reply in her thread.
        var declared = await teams.SayAsync(Alice, TeamsHarness.General, "1001", "declare Checkout failing sev1");
        Assert.Contains("INC-1 declared", declared);
        var summary = Assert.Single(await host.GetArrayAsync("/api/incidents"))!;
        Assert.Equal("teams", (string)summary["platform"]!);

        // The outbox opens a Graph channel, posts the card into it, and announces in General.
        await host.DrainOutboxAsync();
        var channel = Assert.Single(teams.Requests(HttpMethod.Post, TeamsHarness.GraphBaseUrl + $"teams/{TeamsHarness.GroupId}/channels"));
        Assert.Equal("Bearer " + TeamsHarness.GraphToken, channel.Authorization);
        Assert.Equal("INC-1 Checkout failing", (string)channel.Json["displayName"]!);
        Assert.Equal("standard", (string)channel.Json["membershipType"]!);

        var cardPost = Assert.Single(CardPosts(teams));
        Assert.Equal("Bearer " + TeamsHarness.BotToken, cardPost.Authorization);
        Assert.Equal(TeamsHarness.TenantId, (string)cardPost.Json["channelData"]!["tenant"]!["id"]!);
        var card = cardPost.Json["activity"]!["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string)card["contentType"]!);
        Assert.Equal("AdaptiveCard", (string)card["content"]!["type"]!);
        Assert.Contains("INC-1", card["content"]!.ToJsonString());
        Assert.Contains("Checkout failing", card["content"]!.ToJsonString());
        var cardId = (string)cardPost.ResponseJson["activityId"]!;
        var cardThread = $"{TeamsHarness.IncidentChannel};messageid={cardId}";

        var announcement = Assert.Single(teams.Requests(HttpMethod.Post, TeamsHarness.Connector("v3/conversations", TeamsHarness.General, "activities")));
        Assert.Contains("INC-1 declared by", (string)announcement.Json["text"]!);

        // Alice assigns ops to Bob by mentioning him: his Entra id is looked up, he is paged in a 1:1 chat.
        var assigned = await teams.SayAsync(Alice, TeamsHarness.IncidentChannel, "2001", "role ops <at>Bob</at>", Bob);
        Assert.Contains("Bob", assigned);
        await host.DrainOutboxAsync();
        var chat = Assert.Single(teams.Requests(HttpMethod.Post, TeamsHarness.Connector("v3/conversations")), r => r.Json["isGroup"]!.GetValue<bool>() == false);
        Assert.Equal(Bob.Id, (string)chat.Json["members"]![0]!["id"]!); // the 29: id seen on his activity
        Assert.Equal(TeamsHarness.BotId, (string)chat.Json["bot"]!["id"]!);
        var page = Assert.Single(teams.Requests(HttpMethod.Post, TeamsHarness.Connector("v3/conversations", TeamsHarness.BobChat, "activities")));
        Assert.Contains("ack INC-1", page.Body);
        Assert.Contains(teams.Requests(HttpMethod.Post, TeamsHarness.Connector("v3/conversations", TeamsHarness.IncidentChannel, "activities")),
            r => r.Json["attachments"]?[0]?["content"]?["msteams"]?["entities"]?[0]?["mentioned"]?["id"]?.GetValue<string>() == Bob.AadObjectId);

        // Bob clicks Acknowledge on the page card: the HTTP answer is that page card, now saying he acknowledged, for him;
        // the incident card (Bob holds ops, the open page is gone) reaches everyone by PUT.
        var putsBefore = CardPuts(teams, cardThread, cardId).Count;
        var pending = Texts(CardPuts(teams, cardThread, cardId)[^1].Json["attachments"]![0]!["content"]!);
        Assert.Contains(pending, t => t.StartsWith('⏳') && t.Contains("Bob", StringComparison.Ordinal));
        host.Clock.Advance(TimeSpan.FromMinutes(2));
        var acknowledge = Actions(page.Json["attachments"]![0]!["content"]!).Single(a => (string?)a["title"] == "Acknowledge");
        var click = TeamsHarness.CardAction(Bob, TeamsHarness.BobChat, "f:ack-1", (string)page.ResponseJson["id"]!, acknowledge["data"]!.AsObject());
        var ack = await teams.PostAsync(click);
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var invoke = JsonNode.Parse(await ack.Content.ReadAsStringAsync())!;
        Assert.Equal(200, (int)invoke["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string)invoke["type"]!);
        Assert.Equal("AdaptiveCard", (string)invoke["value"]!["type"]!);
        var refreshed = Texts(invoke["value"]!);
        Assert.Contains(refreshed, t => t.Contains("You are paged for INC-1", StringComparison.Ordinal)); // still the page card
        Assert.Contains(refreshed, t => t.StartsWith("You acknowledged this page at ", StringComparison.Ordinal));
        Assert.Empty(Actions(invoke["value"]!)); // nothing left to answer
        await host.DrainOutboxAsync();
        var put = CardPuts(teams, cardThread, cardId);
        Assert.True(put.Count > putsBefore, "the card was not updated after the acknowledgement");
        Assert.Equal(cardId, (string)put[^1].Json["id"]!);
        Assert.Equal("message", (string)put[^1].Json["type"]!);
        var incidentCard = Texts(put[^1].Json["attachments"]![0]!["content"]!);
        Assert.Contains(incidentCard, t => t.Contains("Bob", StringComparison.Ordinal));
        Assert.DoesNotContain(incidentCard, t => t.StartsWith('⏳'));

        // A button on the incident card answers with the incident card.
        var timeline = Actions(put[^1].Json["attachments"]![0]!["content"]!).Single(a => (string?)a["title"] == "Timeline");
        var fromCard = await teams.PostAsync(TeamsHarness.CardAction(Alice, cardThread, "f:timeline-1", cardId, timeline["data"]!.AsObject()));
        var incidentInvoke = JsonNode.Parse(await fromCard.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string)incidentInvoke["type"]!);
        Assert.True(JsonNode.DeepEquals(put[^1].Json["attachments"]![0]!["content"], incidentInvoke["value"]), "the invoke answer and the PUT render the same card");

        // Teams delivers the same click again: the same card comes back, nothing is applied or sent twice.
        var events = (int)(await host.GetJsonAsync("/api/incidents/1/audit"))["events"]!;
        var sent = teams.Http.Requests.Count;
        var again = await teams.PostAsync(click.DeepClone().AsObject());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string)JsonNode.Parse(await again.Content.ReadAsStringAsync())!["type"]!);
        await host.DrainOutboxAsync();
        Assert.Equal(events, (int)(await host.GetJsonAsync("/api/incidents/1/audit"))["events"]!);
        Assert.Equal(sent, teams.Http.Requests.Count);

        // Through the rest of the lifecycle to close.
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Contains("INC-1", await teams.SayAsync(Alice, TeamsHarness.IncidentChannel, "3001", "update Rolling back the 09:00 deploy"));
        await host.DrainOutboxAsync();
        foreach (var (id, text) in new[] { ("3002", "mitigated"), ("3003", "resolved"), ("3004", "close") })
        {
            host.Clock.Advance(TimeSpan.FromMinutes(1));
            await teams.SayAsync(Alice, TeamsHarness.IncidentChannel, id, text);
            await host.DrainOutboxAsync();
        }

        var incident = await host.GetJsonAsync("/api/incidents/1");
        Assert.Equal("Closed", (string)incident["state"]!);
        Assert.Equal(1, (int)incident["severity"]!);
        var ops = incident["roles"]!.AsArray().Single(r => (string)r!["role"]! == "ops")!["holder"]!;
        Assert.Equal("teams", (string)ops["platform"]!);
        Assert.Equal(Bob.AadObjectId, (string)ops["id"]!);
        Assert.Equal(Alice.AadObjectId, (string)incident["declaredBy"]!["id"]!);
        Assert.Equal("Acknowledged", (string)incident["pages"]![0]!["status"]!);
        Assert.Equal("Rolling back the 09:00 deploy", (string)incident["updates"]![0]!["text"]!);
        var audit = await host.GetJsonAsync("/api/incidents/1/audit");
        Assert.True((bool)audit["valid"]!);

        // The card kept being edited in place (never posted twice) and ends showing Closed; the review was posted once.
        Assert.Single(CardPosts(teams));
        Assert.Contains("Closed", CardPuts(teams, cardThread, cardId)[^1].Body);
        var channelPosts = teams.Requests(HttpMethod.Post, TeamsHarness.Connector("v3/conversations", TeamsHarness.IncidentChannel, "activities"));
        Assert.Single(channelPosts, r => r.Body.Contains("Timeline", StringComparison.Ordinal) || r.Json["summary"]?.GetValue<string>() == "INC-1 review");
        Assert.Single(teams.Requests(HttpMethod.Post, TeamsHarness.Connector("v3/conversations")), r => r.Json["isGroup"]!.GetValue<bool>() == false);
        Assert.Single(teams.Requests(HttpMethod.Post, TeamsHarness.GraphBaseUrl + $"teams/{TeamsHarness.GroupId}/channels"));
        Assert.Equal(channelPosts.Count, channelPosts.Select(r => r.Body).Distinct().Count());

        // One app token per scope, reused for every call.
        Assert.Equal(2, teams.Http.Count(HttpMethod.Post, "/oauth2/v2.0/token"));
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

    private static List<RecordedRequest> CardPosts(TeamsHarness teams) =>
        teams.Requests(HttpMethod.Post, TeamsHarness.Connector("v3/conversations"))
            .Where(r => r.Json["isGroup"]!.GetValue<bool>() && (string?)r.Json["channelData"]?["channel"]?["id"] == TeamsHarness.IncidentChannel)
            .ToList();

    private static List<RecordedRequest> CardPuts(TeamsHarness teams, string thread, string cardId) =>
        [.. teams.Requests(HttpMethod.Put, TeamsHarness.Connector("v3/conversations", thread, "activities", cardId))];
}
