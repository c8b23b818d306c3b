using System.Text.Json.Nodes;
using ImtBot.Cards;
using ImtBot.Core.Incidents;
using ImtBot.Core.Ports;

namespace ImtBot.Slack.Tests.Fakes;

/// <summary>The cards port's test double: small Block Kit payloads that name what they are.</summary>
public sealed class FakeCards : IIncidentCards
{
    public JsonNode Incident(string platform, Incident incident, string? notice = null) => Message("card " + incident.Key + " v" + incident.Version);

    /// <summary>"page INC-7 p1 Paged", with the channel link as a url button when one is given.</summary>
    public JsonNode Page(string platform, Incident incident, Page page, string? channelUrl = null)
    {
        var message = Message("page " + incident.Key + " " + page.Id + (page.Status == PageStatus.Paged ? "" : " " + page.Status));
        if (channelUrl is not null)
        {
            message["blocks"]!.AsArray().Add(new JsonObject
            {
                ["type"] = "actions",
                ["elements"] = new JsonArray(new JsonObject { ["type"] = "button", ["action_id"] = "join_channel", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Join its channel" }, ["url"] = channelUrl }),
            });
        }

        return message;
    }

    public JsonNode StatusUpdate(string platform, Incident incident, StatusUpdate update) => Message("update " + incident.Key + ": " + update.Text);

    public JsonNode Review(string platform, Incident incident) => Message("review " + incident.Key);

    public JsonNode Reminder(string platform, Incident incident, string reminder, string text) => Message("reminder " + incident.Key + " " + reminder + ": " + text);

    public JsonNode DeclareForm(string platform) => JsonNode.Parse("""
        {"type":"modal","callback_id":"declare","title":{"type":"plain_text","text":"Declare an incident"},"submit":{"type":"plain_text","text":"Declare"},
         "blocks":[{"type":"input","block_id":"title","label":{"type":"plain_text","text":"Title"},"element":{"type":"plain_text_input","action_id":"text"}},
                   {"type":"input","block_id":"severity","label":{"type":"plain_text","text":"Severity"},"element":{"type":"static_select","action_id":"severity","options":[]}}]}
        """)!;

    /// <summary>A modal whose inputs carry the recorded summary and impact start as their initial values.</summary>
    public JsonNode ReviewForm(string platform, Incident incident) => new JsonObject
    {
        ["type"] = "modal",
        ["callback_id"] = "review_form",
        ["title"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Write the review" },
        ["blocks"] = new JsonArray(
            Input("summary", incident.Written.TryGetValue("summary", out var s) ? s.Text : ""),
            Input("impact", incident.ImpactBegan?.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "")),
    };

    private static JsonObject Input(string id, string value) => new()
    {
        ["type"] = "input",
        ["block_id"] = id,
        ["label"] = new JsonObject { ["type"] = "plain_text", ["text"] = id },
        ["element"] = new JsonObject { ["type"] = "plain_text_input", ["action_id"] = id, ["initial_value"] = value },
    };

    public JsonNode Checklist(string platform, Incident incident) => Message("checklist " + incident.Key);

    private static JsonObject Message(string text) => new()
    {
        ["text"] = text,
        ["blocks"] = new JsonArray(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = text } }),
    };
}
