using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ImtBot.Tests.Infrastructure;

namespace ImtBot.Tests.ConsoleChat;

/// <summary>
/// The forms in the console, through its API as the page sends them: the declare form's assessment answers and the
/// review card's "Write the review" panel (the button's data with the inputs merged, as the Adaptive Cards renderer does).
/// </summary>
public sealed class ConsoleFormsTests
{
    [Fact]
    public async Task DeclareForm_AnswersAndAnOverride_RecordedAndShownInTheTimelineAndReview()
    {
        await using var host = await TestHost.StartAsync();
        await host.SayAsync("alice", "general", "/incident declare");
        var form = (await host.MessagesAsync("general")).Last(m => m!["card"] is not null)!;
        var declare = Actions(form["card"]!).Single(a => (string?)a["title"] == "Declare");

        var data = Merge(declare["data"]!.AsObject(), new()
        {
            ["text"] = "Checkout failing for some customers",
            ["severity"] = "sev2",
            ["answer.customers"] = "many",
            ["answer.data"] = "no",
        });
        var click = await host.Http.PostAsJsonAsync("/api/console/actions", new { user = "alice", messageId = (string)form["id"]!, data });
        click.EnsureSuccessStatusCode();
        var reply = (string)(await click.Content.ReadFromJsonAsync<JsonObject>())!["replies"]![0]!["text"]!;

        Assert.Contains("The assessment suggests SEV1 (customers = many); declared as SEV2, as chosen.", reply, StringComparison.Ordinal);
        var incident = await host.GetJsonAsync("/api/incidents/1");
        Assert.Equal(2, (int)incident["severity"]!);
        var timeline = await host.GetArrayAsync("/api/incidents/1/timeline");
        Assert.Contains(timeline, t => ((string)t!["text"]!).Contains("assessed the incident (customers = many, data = no): SEV1 suggested (customers = many), overridden with SEV2", StringComparison.Ordinal));
        var review = await host.Http.GetStringAsync("/api/incidents/1/review.md");
        Assert.Contains("| Is customer or personal data exposed? | no |", review, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeclareForm_UnknownAnswer_RefusedAndNothingDeclared()
    {
        await using var host = await TestHost.StartAsync();
        await host.SayAsync("alice", "general", "/incident declare");
        var form = (await host.MessagesAsync("general")).Last(m => m!["card"] is not null)!;
        var declare = Actions(form["card"]!).Single(a => (string?)a["title"] == "Declare");

        var data = Merge(declare["data"]!.AsObject(), new() { ["text"] = "Checkout failing", ["answer.data"] = "perhaps" });
        var click = await host.Http.PostAsJsonAsync("/api/console/actions", new { user = "alice", messageId = (string)form["id"]!, data });

        var answer = (await click.Content.ReadFromJsonAsync<JsonObject>())!["replies"]![0]!;
        Assert.False((bool)answer["accepted"]!);
        Assert.Contains("`perhaps` is not an answer", (string)answer["text"]!, StringComparison.Ordinal);
        Assert.Empty(await host.GetArrayAsync("/api/incidents"));
    }

    [Fact]
    public async Task ReviewCard_WriteTheReview_AfterClose_SavesTheChangedFieldsAndRefusesABadTime()
    {
        await using var host = await TestHost.StartAsync();
        await host.SayAsync("alice", "general", "/incident declare \"Checkout failing\" sev2");
        await host.DrainOutboxAsync();
        var channels = await host.GetArrayAsync("/api/console/channels?user=alice");
        var channel = (string)channels.Single(c => (int?)c!["incident"] == 1)!["id"]!;
        await host.SayAsync("alice", channel, "/incident lead");
        await host.SayAsync("alice", channel, "/incident identified the 08:55 deploy");
        await host.AdvanceAsync(TimeSpan.FromMinutes(30));
        Assert.True((await host.SayAsync("alice", channel, "/incident resolved")).Accepted);
        Assert.True((await host.SayAsync("alice", channel, "/incident close")).Accepted);
        await host.DrainOutboxAsync();
        var reviewCard = (await host.MessagesAsync(channel)).Last(m => m!["card"]?.ToJsonString().Contains("Write the review", StringComparison.Ordinal) == true)!;
        var save = Actions(reviewCard["card"]!).Single(a => (string?)a["title"] == "Save the review");

        var bad = await host.Http.PostAsJsonAsync("/api/console/actions", new
        {
            user = "bob", messageId = (string)reviewCard["id"]!,
            data = Merge(save["data"]!.AsObject(), new() { ["summary"] = "An overview", ["impact"] = "2026-13-40 25:00" }),
        });
        var refused = (await bad.Content.ReadFromJsonAsync<JsonObject>())!["replies"]![0]!;
        Assert.False((bool)refused["accepted"]!);
        Assert.StartsWith("Impact start: `2026-13-40 25:00` is not a time", (string)refused["text"]!, StringComparison.Ordinal);
        Assert.Contains("_Not written yet: a few sentences", await host.Http.GetStringAsync("/api/incidents/1/review.md"), StringComparison.Ordinal);

        var ok = await host.Http.PostAsJsonAsync("/api/console/actions", new
        {
            user = "bob", messageId = (string)reviewCard["id"]!,
            data = Merge(save["data"]!.AsObject(), new() { ["summary"] = "Checkout failed for 30 minutes after a deploy.", ["cause"] = "", ["resolution"] = "", ["impact"] = "45m ago", ["detected"] = "" }),
        });
        var accepted = (await ok.Content.ReadFromJsonAsync<JsonObject>())!["replies"]![0]!;
        Assert.True((bool)accepted["accepted"]!, (string?)accepted["text"]);
        var review = await host.Http.GetStringAsync("/api/incidents/1/review.md");
        Assert.Contains("## Overview\n\nCheckout failed for 30 minutes after a deploy.\n\n_Written by @Bob", review, StringComparison.Ordinal);
        Assert.Contains("| Impact began |", review, StringComparison.Ordinal);
    }

    private static JsonObject Merge(JsonObject data, Dictionary<string, string> inputs)
    {
        var merged = data.DeepClone().AsObject();
        foreach (var (id, value) in inputs)
        {
            merged[id] = value;
        }

        return merged;
    }

    private static IEnumerable<JsonObject> Actions(JsonNode? node) => node switch
    {
        JsonObject o => (o["type"]?.GetValue<string>() == "Action.Execute" ? [o] : Array.Empty<JsonObject>()).Concat(o.SelectMany(p => Actions(p.Value))),
        JsonArray a => a.SelectMany(Actions),
        _ => [],
    };
}
