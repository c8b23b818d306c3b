using System.Text.Json.Nodes;
using ImtBot.Core.Ports;
using ImtBot.Slack.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ImtBot.Tests.Slack;

/// <summary>
/// The checklist card on Slack, on the real host against the fake Slack: <c>/incident plan</c> shows it to the asker
/// (ephemeral), and a "Done" click replaces that message through the click's response_url with the checklist as it
/// is now — the same card, without the task just done.
/// </summary>
public sealed class SlackChecklistTests
{
    [Fact]
    public async Task DoneClick_ReplacesTheEphemeralChecklist_WithoutTheDoneTask()
    {
        await using var slack = await SlackHarness.StartAsync();
        var host = slack.Host;
        await slack.Http.CommandAsync(SlackPayloads.Command("declare Checkout failing sev2 type service-outage", trigger: "1.1.declare", channel: SlackHarness.General));
        await host.DrainOutboxAsync();
        var channel = slack.IncidentChannel.Id;
        await slack.Http.CommandAsync(SlackPayloads.Command("lead", trigger: "1.2.lead", channel: channel));

        var shown = await slack.Http.CommandAsync(SlackPayloads.Command("plan", trigger: "1.3.plan", channel: channel));
        Assert.Equal("ephemeral", (string?)shown!["response_type"]);
        var buttons = DoneButtons(shown["blocks"]);
        Assert.True(buttons.Count >= 2, shown.ToJsonString());
        var (block, value) = buttons[0];
        var task = int.Parse(block["task_".Length..], System.Globalization.CultureInfo.InvariantCulture);

        var url = slack.Fake.NewResponseUrl();
        await slack.Http.InteractionAsync(SlackPayloads.ChecklistDone(value, task, url, channel: channel));
        await slack.FollowUps.WhenAllAsync();

        var incident = host.Services.GetRequiredService<IIncidentReader>().Get(1)!;
        Assert.False(incident.Tasks.Single(t => t.Number == task).IsOpen);
        var refreshed = Assert.Single(slack.Fake.Responses);
        Assert.True(refreshed.Accepted, refreshed.Answer);
        Assert.Equal(url, refreshed.Url.AbsoluteUri);
        Assert.True((bool?)refreshed.Body!["replace_original"]);
        var left = DoneButtons(refreshed.Body["blocks"]);
        Assert.DoesNotContain(left, b => b.Value == value);
        Assert.Equal(buttons.Skip(1), left);
        Assert.Contains("Checklist · INC-1", SlackHarness.PlainTexts(refreshed.Body["blocks"])[0], StringComparison.Ordinal);
        Assert.Contains($"{left.Count} open, {incident.Tasks.Count(t => !t.IsOpen)} finished", (string?)refreshed.Body["text"], StringComparison.Ordinal);

        // The click's answer is still shown to the one who clicked.
        var ephemeral = slack.Fake.CallsTo("chat.postEphemeral").Last();
        Assert.Contains($"{task}", ephemeral.Arg("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoneClick_WithAForgedResponseUrl_MarksTheTaskButPostsNowhere()
    {
        await using var slack = await SlackHarness.StartAsync();
        await using var elsewhere = await FakeSlack.StartAsync(slack.Host.Clock);
        await slack.Http.CommandAsync(SlackPayloads.Command("declare Checkout failing sev2 type service-outage", trigger: "2.1.declare", channel: SlackHarness.General));
        await slack.Host.DrainOutboxAsync();
        var channel = slack.IncidentChannel.Id;
        await slack.Http.CommandAsync(SlackPayloads.Command("lead", trigger: "2.2.lead", channel: channel));
        var (block, value) = DoneButtons((await slack.Http.CommandAsync(SlackPayloads.Command("plan", trigger: "2.3.plan", channel: channel)))!["blocks"])[0];
        var reader = slack.Host.Services.GetRequiredService<IIncidentReader>();
        var finished = reader.Get(1)!.Tasks.Count(t => !t.IsOpen);

        await slack.Http.InteractionAsync(SlackPayloads.ChecklistDone(value, int.Parse(block[5..], System.Globalization.CultureInfo.InvariantCulture), elsewhere.NewResponseUrl(), channel: channel));
        await slack.FollowUps.WhenAllAsync();

        Assert.Empty(elsewhere.Responses);
        Assert.Empty(slack.Fake.Responses);
        Assert.Equal(finished + 1, reader.Get(1)!.Tasks.Count(t => !t.IsOpen));
    }

    /// <summary>The checklist's "Done" buttons in order: their task block and command.</summary>
    private static List<(string Block, string Value)> DoneButtons(JsonNode? blocks) =>
        [.. blocks!.AsArray()
            .Where(b => (string?)b!["accessory"]?["type"] == "button" && ((string?)b["block_id"])?.StartsWith("task_", StringComparison.Ordinal) == true)
            .Select(b => ((string)b!["block_id"]!, (string)b["accessory"]!["value"]!))];
}
