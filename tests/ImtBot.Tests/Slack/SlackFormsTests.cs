using System.Text.Json.Nodes;
using ImtBot.Core.Ports;
using ImtBot.Slack.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ImtBot.Tests.Slack;

/// <summary>
/// The forms through Slack on the real host against the fake Slack: the declare modal's assessment answers, and the
/// review form opened from the review card's button and submitted.
/// </summary>
public sealed class SlackFormsTests
{
    [Fact]
    public async Task DeclareModal_WithAnswers_DeclaresAtTheSuggestedSeverityAndRecordsTheAssessment()
    {
        await using var slack = await SlackHarness.StartAsync();

        var metadata = new JsonObject { ["channel"] = SlackHarness.General, ["nonce"] = "n1" }.ToJsonString();
        var submission = SlackPayloads.ViewSubmissionOf("declare", metadata,
            new Dictionary<string, string> { ["title"] = "Card data visible to other customers" },
            new Dictionary<string, string> { ["severity"] = "suggested", ["answer.data"] = "yes", ["answer.customers"] = "some" });
        var ack = await slack.Deliver.InteractionAsync(submission);

        Assert.True(ack is null || ack["response_action"] is null, ack?.ToJsonString());
        var incident = slack.Host.Services.GetRequiredService<IIncidentReader>().Get(1)!;
        Assert.Equal(1, incident.Severity);
        Assert.Equal((1, 1, "data = yes"), (incident.Assessment!.Suggested, incident.Assessment.Chosen, incident.Assessment.Because));
        Assert.Equal(["customers=some", "data=yes"], incident.Assessment.Answers.Select(a => a.Question + "=" + a.Answer));
        var review = await slack.Host.Http.GetStringAsync("/api/incidents/1/review.md");
        Assert.Contains("Severity: SEV1 suggested (data = yes) and confirmed.", review, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeclareModal_SeverityPicked_OverridesTheSuggestion()
    {
        await using var slack = await SlackHarness.StartAsync();

        var metadata = new JsonObject { ["channel"] = SlackHarness.General, ["nonce"] = "n2" }.ToJsonString();
        await slack.Deliver.InteractionAsync(SlackPayloads.ViewSubmissionOf("declare", metadata,
            new Dictionary<string, string> { ["title"] = "Checkout slow" },
            new Dictionary<string, string> { ["severity"] = "sev3", ["answer.customers"] = "many" }));

        var incident = slack.Host.Services.GetRequiredService<IIncidentReader>().Get(1)!;
        Assert.Equal((3, 1, 3), (incident.Severity, incident.Assessment!.Suggested, incident.Assessment.Chosen));
    }

    [Fact]
    public async Task ReviewForm_OpenedFromTheReviewButton_PrefilledThenSaved_AndABadTimeChangesNothing()
    {
        await using var slack = await SlackHarness.StartAsync();
        var host = slack.Host;
        await slack.Deliver.CommandAsync(SlackPayloads.Command("declare Checkout failing sev2", trigger: "1.1.declare", channel: SlackHarness.General));
        await host.DrainOutboxAsync();
        var channel = slack.IncidentChannel.Id;
        await slack.Deliver.CommandAsync(SlackPayloads.Command("summary INC-1 Payments failed for EU cards.", trigger: "1.2.summary", channel: channel));

        // The review card's "Write the review" button opens the modal, pre-filled with what is recorded.
        await slack.Deliver.InteractionAsync(SlackPayloads.ButtonWithId("review_form", "review INC-1", channel: channel));
        var opened = Assert.Single(slack.Fake.OpenedViews);
        Assert.Equal("222.333.mno", (string?)opened["trigger_id"]);
        var view = opened["view"]!;
        Assert.Equal("review_form", (string?)view["callback_id"]);
        var summary = SlackHarness.Strings(view["blocks"]);
        Assert.Contains("Payments failed for EU cards.", summary);
        var metadata = (string)view["private_metadata"]!;
        Assert.Equal(1, (int?)JsonNode.Parse(metadata)!["incident"]);

        // A bad time: the error sits on its field and nothing is recorded.
        var bad = await slack.Deliver.InteractionAsync(SlackPayloads.ViewSubmissionOf("review_form", metadata,
            new Dictionary<string, string> { ["summary"] = "Changed", ["impact"] = "half past eight" }));
        Assert.Equal("errors", (string?)bad!["response_action"]);
        Assert.Contains("is not a time", (string?)bad["errors"]!["impact"], StringComparison.Ordinal);
        var reader = host.Services.GetRequiredService<IIncidentReader>();
        Assert.Equal("Payments failed for EU cards.", reader.Get(1)!.Written["summary"].Text);

        // Saved: only the changed fields, under the writer's name.
        host.Clock.Advance(TimeSpan.FromMinutes(20));
        var saved = await slack.Deliver.InteractionAsync(SlackPayloads.ViewSubmissionOf("review_form", metadata, new Dictionary<string, string>
        {
            ["summary"] = "Payments failed for EU cards.",
            ["cause"] = "An expired intermediate certificate.",
            ["resolution"] = "",
            ["impact"] = "10m ago",
            ["detected"] = "",
        }));
        Assert.True(saved is null || saved["response_action"] is null, saved?.ToJsonString());
        var incident = reader.Get(1)!;
        Assert.Equal("An expired intermediate certificate.", incident.Written["cause"].Text);
        Assert.Equal("UALICE", Assert.Single(incident.Written["cause"].Authors).Id);
        Assert.Equal(host.Clock.GetUtcNow().AddMinutes(-10), incident.ImpactBegan);
        Assert.Single(incident.Timeline, t => t.Text.StartsWith("wrote the review's overview", StringComparison.Ordinal));
    }
}
