using System.Text.Json.Nodes;
using ImtBot.Cards;
using ImtBot.Cards.Gallery;
using ImtBot.Core.Platforms;

namespace ImtBot.Cards.Tests;

/// <summary>The checklist card: the open tasks by phase, one "Done" button each carrying <c>task INC-42 done n</c>.</summary>
public sealed class ChecklistCardTests
{
    private static readonly CardRenderer Renderer = new(RepoPaths.Cards);

    [Fact]
    public void Teams_OpenTasks_OneDoneButtonEachAndThePhaseTitles()
    {
        var incident = SamplePlan.Active(PlatformNames.Teams);
        var card = new IncidentCards(Renderer).Checklist(PlatformNames.Teams, incident);

        var commands = Objects(card).Where(o => (string?)o["type"] == "Action.Execute").Select(a => (string)a["data"]!["command"]!).ToArray();
        // Tasks 1 (done), 2 (done) and 5 (skipped) are finished: 3, 4 and 6 are open.
        Assert.Equal(["task INC-42 done 3", "task INC-42 done 4", "task INC-42 done 6"], commands);
        var texts = Strings(card).ToArray();
        Assert.Contains("Assess", texts);
        Assert.Contains("3/6 finished · Respond 1/2 · 2 overdue", texts.Single(t => t.Contains("finished", StringComparison.Ordinal)));
        Assert.Contains(texts, t => t.Contains("overdue since 08:20 UTC", StringComparison.Ordinal));
    }

    [Fact]
    public void Slack_OpenTasks_OneSectionWithADoneButtonEach()
    {
        var incident = SamplePlan.Active(PlatformNames.Slack);
        var card = new IncidentCards(Renderer).Checklist(PlatformNames.Slack, incident);

        var buttons = Objects(card).Where(o => (string?)o["type"] == "button").ToList();
        Assert.Equal(["task INC-42 done 3", "task INC-42 done 4", "task INC-42 done 6"], buttons.Select(b => (string)b["value"]!));
        Assert.Equal(buttons.Count, buttons.Select(b => (string?)b["action_id"]).Distinct().Count());
        Assert.StartsWith("*Assess", (string?)card["blocks"]!.AsArray().OfType<JsonObject>().First(b => (string?)b["block_id"] == "task_3")["text"]!["text"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PlatformNames.Teams)]
    [InlineData(PlatformNames.Slack)]
    public void NoTasks_SaysHowToGetSomeAndHasNoButtons(string platform)
    {
        var card = new IncidentCards(Renderer).Checklist(platform, SampleIncidents.Declared(platform));

        Assert.DoesNotContain(Objects(card), o => (string?)o["type"] is "button" or "Action.Execute");
        Assert.Contains(Strings(card), t => t.Contains("No tasks.", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject o => new[] { o }.Concat(o.SelectMany(p => Objects(p.Value))),
        JsonArray a => a.SelectMany(Objects),
        _ => [],
    };
}
