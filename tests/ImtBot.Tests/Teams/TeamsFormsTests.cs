using System.Net;
using System.Text.Json.Nodes;
using ImtBot.Cards;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Teams.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ImtBot.Tests.Teams;

/// <summary>
/// The forms through <c>/api/messages</c> on the real host: the declare card's assessment answers and the review card's
/// "Write the review" panel, each sent as Teams sends an <c>Action.Execute</c> (the button's data merged with the inputs).
/// </summary>
public sealed class TeamsFormsTests
{
    private static readonly TeamsUser Alice = TeamsUser.Alice;

    [Fact]
    public async Task DeclareCard_WithAnswers_DeclaresAtTheSuggestedSeverityAndRecordsTheAssessment()
    {
        await using var teams = await TeamsHarness.StartAsync();
        var cards = teams.Host.Services.GetRequiredService<IIncidentCards>();
        var declare = Execute(cards.DeclareForm(PlatformNames.Teams)).Single();

        var data = Merge(declare["data"]!.AsObject(), new()
        {
            ["text"] = "Card data visible to other customers",
            ["severity"] = "suggested",
            ["answer.data"] = "yes",
            ["answer.revenue"] = "no",
        });
        var response = await teams.PostAsync(TeamsHarness.CardAction(Alice, "a:dm-alice", "f:declare-1", "1", data));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var incident = teams.Host.Services.GetRequiredService<IIncidentReader>().Get(1)!;
        Assert.Equal("Card data visible to other customers", incident.Title);
        Assert.Equal((1, 1, "data = yes"), (incident.Severity, incident.Assessment!.Suggested, incident.Assessment.Because));
        Assert.Equal(["data=yes", "revenue=no"], incident.Assessment.Answers.Select(a => a.Question + "=" + a.Answer));
    }

    [Fact]
    public async Task ReviewCard_WriteTheReview_SavesOnlyWhatChanged_AndABadTimeChangesNothing()
    {
        await using var teams = await TeamsHarness.StartAsync();
        var host = teams.Host;
        await teams.PostAsync(TeamsHarness.BotAdded());
        await teams.SayAsync(Alice, TeamsHarness.General, "1001", "declare Checkout failing sev2");
        await host.DrainOutboxAsync();
        var reader = host.Services.GetRequiredService<IIncidentReader>();
        var card = host.Services.GetRequiredService<IIncidentCards>().Review(PlatformNames.Teams, reader.Get(1)!);
        var save = Execute(card).Single(a => (string?)a["title"] == "Save the review");

        var bad = await teams.PostAsync(TeamsHarness.CardAction(Alice, "a:dm-alice", "f:review-1", "1",
            Merge(save["data"]!.AsObject(), new() { ["summary"] = "Payments failed.", ["detected"] = "tomorrow" })));
        var refused = JsonNode.Parse(await bad.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)refused["type"]);
        Assert.StartsWith("Detected: `tomorrow` is not a time", (string?)refused["value"]);
        Assert.Empty(reader.Get(1)!.Written);

        host.Clock.Advance(TimeSpan.FromMinutes(5));
        var ok = await teams.PostAsync(TeamsHarness.CardAction(Alice, "a:dm-alice", "f:review-2", "1",
            Merge(save["data"]!.AsObject(), new() { ["summary"] = "Payments failed.", ["cause"] = "", ["resolution"] = "Rolled back.", ["impact"] = "", ["detected"] = "" })));
        var saved = JsonNode.Parse(await ok.Content.ReadAsStringAsync())!;
        Assert.Equal("The INC-1 review was updated: overview, resolution.", (string?)saved["value"]);
        var incident = reader.Get(1)!;
        Assert.Equal("Payments failed.", incident.Written["summary"].Text);
        Assert.Equal(Alice.AadObjectId, Assert.Single(incident.Written["resolution"].Authors).Id);
        Assert.False(incident.Written.ContainsKey("cause"));
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

    private static List<JsonObject> Execute(JsonNode? card) => card switch
    {
        JsonObject o => [.. (o["type"]?.GetValue<string>() == "Action.Execute" ? [o] : Array.Empty<JsonObject>()).Concat(o.SelectMany(p => Execute(p.Value)))],
        JsonArray a => [.. a.SelectMany(Execute)],
        _ => [],
    };
}
