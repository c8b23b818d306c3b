using System.Text.Json.Nodes;
using ImtBot.Cards;
using ImtBot.Core.Commands;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Slack.Formatting;
using ImtBot.Slack.Payloads;
using ImtBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace ImtBot.Slack.Inbound;

/// <summary>
/// Turns verified Slack deliveries (slash commands, interactions, events) into core commands, the same way for HTTP and
/// Socket Mode. It translates and nothing else: whether a delivery was seen before (<see cref="CommandReply.Redelivered"/>)
/// and whether a message change concerns an incident are the service's answers. The handler commits durably before
/// this returns, so the acknowledgement means "recorded"; a payload that does not read is a
/// <see cref="SlackPayloadException"/>, and any other fault propagates (HTTP 500 / no Socket Mode ack) so that Slack
/// delivers again and the inbox dedupes.
/// </summary>
public sealed partial class SlackInbound(
    ICommandHandler handler,
    IIncidentCards cards,
    SlackWebApi api,
    SlackUserNames names,
    ILogger<SlackInbound> logger,
    IIncidentReader? reader = null,
    SlackResponseUrl? responseUrl = null)
{
    public const string DeclareCallbackId = "imtbot_declare";

    /// <summary>Replies are cut to this many characters (Slack keeps 40,000 but advises about 4,000).</summary>
    private const int MaxReply = 3900;

    public async Task<SlackAck> CommandAsync(SlashCommandPayload command, CancellationToken cancellationToken)
    {
        if (!command.IsValid)
        {
            return SlackAck.Ephemeral("This request is missing user_id, channel_id or trigger_id.");
        }

        var text = SlackText.Unescape(command.Text).Trim();
        if (text.Length == 0 || text.Equals("declare", StringComparison.OrdinalIgnoreCase))
        {
            return await OpenDeclareFormAsync(command, cancellationToken).ConfigureAwait(false);
        }

        var chat = new ChatCommand(
            text,
            new UserRef(PlatformNames.Slack, command.UserId, command.DisplayName),
            new ChannelRef(PlatformNames.Slack, command.ChannelId),
            "slack:cmd:" + command.TriggerId);
        var reply = await handler.HandleAsync(chat, cancellationToken).ConfigureAwait(false);
        var ack = SlackAck.Ephemeral(SlackText.Escape(SlackText.Truncate(reply.Text, MaxReply)));
        if (reply.Card == ReplyCards.Checklist && reply.Incident is { } number && Checklist(number) is { } card)
        {
            // The checklist comes as its card (a Done button per open task), shown to the asker only like every reply.
            ack.Body!["blocks"] = card["blocks"]?.DeepClone();
        }

        return ack;
    }

    private async Task<SlackAck> OpenDeclareFormAsync(SlashCommandPayload command, CancellationToken cancellationToken)
    {
        var view = cards.DeclareForm(PlatformNames.Slack).DeepClone().AsObject();
        view["callback_id"] ??= DeclareCallbackId;
        view["private_metadata"] = new JsonObject { ["channel"] = command.ChannelId, ["nonce"] = Guid.NewGuid().ToString("N") }.ToJsonString();
        try
        {
            await api.Views.OpenAsync(command.TriggerId, view, cancellationToken).ConfigureAwait(false);
            return SlackAck.Empty;
        }
        catch (SlackApiException e)
        {
            LogModal(logger, e.Error);
            return SlackAck.Ephemeral($"I could not open the declare form ({e.Error}). Type /incident declare <title> [sev1..sev4] instead.");
        }
    }

    /// <summary>
    /// Shows <paramref name="reply"/> to <paramref name="user"/> in <paramref name="channel"/> after the ack, unless the
    /// delivery was seen before (Slack retried after a slow ack, or Socket Mode sent the envelope again): its reply was
    /// already shown then.
    /// </summary>
    private Func<CancellationToken, Task>? EphemeralAfter(string? channel, string user, CommandReply reply)
    {
        if (reply.Redelivered || string.IsNullOrEmpty(channel) || string.IsNullOrWhiteSpace(reply.Text))
        {
            return null;
        }

        return async ct =>
        {
            try
            {
                await api.Chat.PostEphemeralAsync(channel, user, SlackText.Escape(SlackText.Truncate(reply.Text, MaxReply)), ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SlackApiException or SlackTransportException)
            {
                LogReplyFailed(logger, e);
            }
        };
    }

    /// <summary>The incident's checklist card as Slack shows it, both when first posted and when refreshed after a click.</summary>
    private JsonNode? Checklist(int incident) =>
        reader?.Get(incident) is { } state ? cards.Checklist(PlatformNames.Slack, state) : null;

    private async Task<UserRef> ActorAsync(string userId, CancellationToken cancellationToken) =>
        new(PlatformNames.Slack, userId, await names.NameAsync(userId, cancellationToken).ConfigureAwait(false));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack declare form not opened: {Error}")]
    private static partial void LogModal(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack ephemeral reply not delivered")]
    private static partial void LogReplyFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack delivery ignored: {Reason}")]
    private static partial void LogIgnored(ILogger logger, string reason);
}
