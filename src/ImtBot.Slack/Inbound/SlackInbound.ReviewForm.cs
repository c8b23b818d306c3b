using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ImtBot.Cards;
using ImtBot.Cards.Models;
using ImtBot.Core.Commands;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;
using ImtBot.Slack.Formatting;
using ImtBot.Slack.Payloads;
using ImtBot.Slack.WebApi;

namespace ImtBot.Slack.Inbound;

/// <summary>
/// The review form: the review card's "Write the review" button (action_id <c>review_form</c>, value <c>review INC-42</c>)
/// opens it as a modal pre-filled with what is recorded; its submission (callback_id <c>review_form</c>) becomes a
/// <see cref="ReviewFormCommand"/>. A refusal (a bad time) comes back on the field it concerns, and nothing is changed.
/// </summary>
public sealed partial class SlackInbound
{
    private async Task<SlackAck> OpenReviewFormAsync(BlockActionsPayload payload, BlockAction action, CancellationToken cancellationToken)
    {
        var channel = payload.ChannelId;
        var user = payload.User.Id;
        var command = ReviewFormSubmission.Read(action.Value, _ => null);
        if (command?.Incident is not { } number || reader?.Get(number) is not { } incident || string.IsNullOrEmpty(payload.TriggerId))
        {
            return new SlackAck(After: TextAfter(channel, user, "I could not open the review form here. Write each part with `/incident summary|cause|resolution <text>`, `/incident impact <time>` and `/incident detected <time>`."));
        }

        var view = cards.ReviewForm(PlatformNames.Slack, incident).DeepClone().AsObject();
        view["callback_id"] = ReviewFormModel.SlackCallbackId;
        view["private_metadata"] = new JsonObject { ["channel"] = channel, ["incident"] = number, ["nonce"] = Guid.NewGuid().ToString("N") }.ToJsonString();
        try
        {
            await api.Views.OpenAsync(payload.TriggerId, view, cancellationToken).ConfigureAwait(false);
            return SlackAck.Empty;
        }
        catch (SlackApiException e)
        {
            LogModal(logger, e.Error);
            return new SlackAck(After: TextAfter(channel, user, $"I could not open the review form ({e.Error}). Write each part with `/incident summary|cause|resolution <text>`, `/incident impact <time>` and `/incident detected <time>`."));
        }
    }

    private async Task<SlackAck> ReviewSubmissionAsync(ViewSubmissionPayload payload, CancellationToken cancellationToken)
    {
        var view = payload.View;
        var values = view.State?.Values ?? [];
        var metadata = DeclareMetadata.Read(view.PrivateMetadata);
        var incident = ReviewIncident(view.PrivateMetadata);
        string? Field(string name) => values.TryGetValue(name, out var block) ? block.Values.FirstOrDefault()?.Value : null;
        if (incident is not { } number || ReviewFormSubmission.Read("review " + IncidentKey.Format(number), Field) is not { } command)
        {
            return Errors(ReviewFormCommand.SummaryField, "This form names no incident: open it again from the review card.");
        }

        // As for the declare form: a redelivery has the same key, a changed answer does not.
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(view.State is null ? "" : SlackJson.Write(view.State.Values))))[..16];
        var key = "slack:view:" + (metadata.Nonce ?? view.Id ?? "") + ":" + digest;
        var actor = new Core.Platforms.UserRef(PlatformNames.Slack, payload.User.Id, payload.User.DisplayName);
        var origin = new ChatCommand("review form " + IncidentKey.Format(number), actor, new ChannelRef(PlatformNames.Slack, metadata.Channel ?? view.Id ?? "unknown"), key);
        var reply = await handler.HandleParsedAsync(command, origin, cancellationToken).ConfigureAwait(false);
        return reply.Accepted
            ? new SlackAck(After: EphemeralAfter(metadata.Channel, payload.User.Id, reply))
            : Errors(FieldOf(reply.Text), reply.Text);
    }

    /// <summary>The field a refusal concerns (it starts with the field's label), where Slack shows it; else the first field.</summary>
    private static string FieldOf(string refusal) =>
        refusal.StartsWith("Impact start", StringComparison.Ordinal) || refusal.StartsWith("The impact cannot begin", StringComparison.Ordinal) ? ReviewFormCommand.ImpactField
        : refusal.StartsWith("Detected", StringComparison.Ordinal) ? ReviewFormCommand.DetectedField
        : ReviewFormCommand.SummaryField;

    private static int? ReviewIncident(string? privateMetadata)
    {
        try
        {
            using var doc = JsonDocument.Parse(privateMetadata ?? "");
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("incident", out var n) && n.TryGetInt32(out var number) && number > 0 ? number : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private Func<CancellationToken, Task>? TextAfter(string? channel, string user, string text) =>
        string.IsNullOrEmpty(channel)
            ? null
            : async ct =>
            {
                try
                {
                    await api.Chat.PostEphemeralAsync(channel, user, SlackText.Escape(text), ct).ConfigureAwait(false);
                }
                catch (Exception e) when (e is SlackApiException or SlackTransportException)
                {
                    LogReplyFailed(logger, e);
                }
            };
}
