using System.Text.Json.Nodes;
using ImtBot.Core.Incidents;

namespace ImtBot.Cards;

/// <summary>
/// The cards the bot posts, bound from <c>cards/{platform}/*.json</c> templates to view models built from incident
/// state. <c>platform</c> is <c>teams</c> (Adaptive Card 1.5, also used by the console) or <c>slack</c> (Block Kit
/// message <c>{text, blocks}</c>, or a modal view for <see cref="DeclareForm"/>).
/// Every button carries command text: Teams/console <c>Action.Execute</c> data <c>{"command":"ack INC-42"}</c>
/// (verb <c>imtbot.command</c>); Slack button <c>value</c> = <c>ack INC-42</c>. A card input with id <c>user</c> is
/// appended to the command as <c>&lt;@id&gt;</c>, an input with id <c>text</c> is appended as typed. Teams data also
/// names the card it sits on (<see cref="CardActionData"/>).
/// </summary>
public interface IIncidentCards
{
    /// <param name="notice">A line the platform adds under the card (why the incident lives in a thread), or null.</param>
    JsonNode Incident(string platform, Incident incident, string? notice = null);

    /// <param name="channelUrl">A link that opens the incident channel (a "Join its channel" button), or null when unknown.</param>
    JsonNode Page(string platform, Incident incident, Page page, string? channelUrl = null);

    JsonNode StatusUpdate(string platform, Incident incident, StatusUpdate update);

    JsonNode Review(string platform, Incident incident);

    JsonNode Reminder(string platform, Incident incident, string reminder, string text);

    JsonNode DeclareForm(string platform);

    /// <summary>The review form as a Slack modal (<c>review-form.json</c>), pre-filled with what is recorded.</summary>
    JsonNode ReviewForm(string platform, Incident incident);

    /// <summary>The open checklist tasks by phase, a "Done" button each (<c>task INC-42 done 3</c>).</summary>
    JsonNode Checklist(string platform, Incident incident);

    /// <summary>The page card of an alert page (no incident): Acknowledge / Decline, Declare incident, Silence.</summary>
    /// <param name="now">What the card calls silenced (a silence that has run out is not).</param>
    JsonNode AlertPage(string platform, Core.Alerts.Pages.AlertPage alertPage, Page page, DateTimeOffset now) =>
        throw new NotSupportedException("These cards do not draw alert pages.");
}
