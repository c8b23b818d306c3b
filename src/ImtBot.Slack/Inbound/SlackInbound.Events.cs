using System.Text.Json;
using System.Text.RegularExpressions;
using ImtBot.Core.Commands;
using ImtBot.Core.Platforms;
using ImtBot.Slack.Payloads;

namespace ImtBot.Slack.Inbound;

public sealed partial class SlackInbound
{
    /// <summary>
    /// An <c>event_callback</c> envelope: <c>app_mention</c> is a command (the bot's own mention stripped); a
    /// <c>pushpin</c> reaction on a message is a capture; edits and deletions of people's messages are sent as changes,
    /// and the service decides whether they concern a captured message. Every command carries
    /// <c>slack:event:&lt;event_id&gt;</c>, so a redelivery applies once.
    /// </summary>
    public async Task<SlackAck> EventAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        if (envelope.Type != EventEnvelope.EventCallback || envelope.Event is not { } ev || envelope.EventId is not { } eventId)
        {
            return Ignore("event envelope " + envelope.Type);
        }

        var key = "slack:event:" + eventId;
        var botUser = envelope.BotUserId;
        var kind = SlackJson.Read<PayloadType>(ev, "event");
        return (kind.Type, kind.Subtype) switch
        {
            ("app_mention", _) => await MentionAsync(Read<AppMentionEvent>(ev), botUser, key, cancellationToken).ConfigureAwait(false),
            ("reaction_added", _) => await PinAsync(Read<ReactionAddedEvent>(ev), key, cancellationToken).ConfigureAwait(false),
            ("message", MessageChangedEvent.Subtype) => await EditedAsync(Read<MessageChangedEvent>(ev), botUser, key, cancellationToken).ConfigureAwait(false),
            ("message", MessageDeletedEvent.Subtype) => await DeletedAsync(Read<MessageDeletedEvent>(ev), botUser, key, cancellationToken).ConfigureAwait(false),
            var (type, subtype) => Ignore($"event {type}/{subtype}"),
        };
    }

    private static T Read<T>(JsonElement ev) where T : notnull => SlackJson.Read<T>(ev, typeof(T).Name);

    private async Task<SlackAck> MentionAsync(AppMentionEvent ev, string? botUser, string key, CancellationToken cancellationToken)
    {
        if (ev.BotId is not null || ev.User is not { } userId || ev.Channel is not { } channel)
        {
            return Ignore("app_mention from a bot or without user/channel");
        }

        var text = Formatting.SlackText.Unescape(StripMention(ev.Text ?? "", botUser));
        var actor = await ActorAsync(userId, cancellationToken).ConfigureAwait(false);
        var reply = await handler.HandleAsync(new ChatCommand(text, actor, new ChannelRef(PlatformNames.Slack, channel), key), cancellationToken).ConfigureAwait(false);
        return new SlackAck(After: EphemeralAfter(channel, userId, reply));
    }

    /// <summary>Removes the bot's own mention (<c>&lt;@B1&gt;</c> / <c>&lt;@B1|imtbot&gt;</c>), or the leading mention when the bot id is unknown.</summary>
    public static string StripMention(string text, string? botUser)
    {
        var pattern = botUser is null ? @"^\s*<@[A-Z0-9]+(\|[^>]*)?>\s*" : @"\s*<@" + Regex.Escape(botUser) + @"(\|[^>]*)?>\s*";
        return Regex.Replace(text, pattern, " ", RegexOptions.None, TimeSpan.FromSeconds(1)).Trim();
    }

    /// <summary>
    /// A <c>pushpin</c> on a message: the message is fetched (events carry only its ts) and sent as a capture; the
    /// service finds the incident by the channel and does nothing outside an incident channel.
    /// </summary>
    private async Task<SlackAck> PinAsync(ReactionAddedEvent ev, string key, CancellationToken cancellationToken)
    {
        if (ev.Reaction != "pushpin" || ev.Item is not { Type: "message", Channel: { } channel, Ts: { } ts } || ev.User is not { } userId)
        {
            return Ignore("reaction that is not a pushpin on a message");
        }

        var message = await api.Conversations.FindMessageAsync(channel, ts, cancellationToken).ConfigureAwait(false);
        if (message is null)
        {
            return Ignore("pinned message not found");
        }

        var authorId = message.User ?? message.BotId ?? "unknown";
        var author = message.User is null ? new UserRef(PlatformNames.Slack, authorId, authorId) : await ActorAsync(authorId, cancellationToken).ConfigureAwait(false);
        var capture = new MessageCaptureCommand(PlatformNames.Slack, SlackTimestamp.MessageId(channel, ts), author, SlackTimestamp.ToTime(ts) ?? DateTimeOffset.UnixEpoch, Formatting.SlackText.Unescape(message.Text), "pinned");
        var actor = await ActorAsync(userId, cancellationToken).ConfigureAwait(false);
        await handler.HandleParsedAsync(capture, new ChatCommand("capture " + ts, actor, new ChannelRef(PlatformNames.Slack, channel), key), cancellationToken).ConfigureAwait(false);
        return SlackAck.Empty;
    }

    private Task<SlackAck> EditedAsync(MessageChangedEvent ev, string? botUser, string key, CancellationToken cancellationToken)
    {
        var at = SlackTimestamp.ToTime(ev.Message?.Edited?.Ts) ?? SlackTimestamp.ToTime(ev.EventTs ?? ev.Ts);
        return ChangeAsync(ev.Channel, ev.Message?.Ts, ev.Message, at, "edited", botUser, key, cancellationToken);
    }

    private Task<SlackAck> DeletedAsync(MessageDeletedEvent ev, string? botUser, string key, CancellationToken cancellationToken)
    {
        var at = SlackTimestamp.ToTime(ev.PreviousMessage?.Edited?.Ts) ?? SlackTimestamp.ToTime(ev.EventTs ?? ev.Ts);
        return ChangeAsync(ev.Channel, ev.DeletedTs ?? ev.PreviousMessage?.Ts, ev.PreviousMessage, at, "deleted", botUser, key, cancellationToken);
    }

    /// <summary>
    /// An edit or deletion of a person's message, sent as a change with the channel and the message id; whether the
    /// message was captured (so the change is recorded) is decided by the service.
    /// </summary>
    private async Task<SlackAck> ChangeAsync(string? channel, string? ts, EventMessage? message, DateTimeOffset? at, string change, string? botUser, string key, CancellationToken cancellationToken)
    {
        if (channel is null || ts is null || message is null)
        {
            return Ignore("message change without channel/ts");
        }

        if (message.BotId is not null || (botUser is not null && message.User == botUser))
        {
            return Ignore("change of a bot message"); // the bot edits its own cards on every change: never loop on them
        }

        var author = await ActorAsync(message.User ?? "unknown", cancellationToken).ConfigureAwait(false);
        var capture = new MessageCaptureCommand(PlatformNames.Slack, SlackTimestamp.MessageId(channel, ts), author, at ?? DateTimeOffset.UnixEpoch, Formatting.SlackText.Unescape(message.Text), change);
        await handler.HandleParsedAsync(capture, new ChatCommand(change + " " + ts, author, new ChannelRef(PlatformNames.Slack, channel), key), cancellationToken).ConfigureAwait(false);
        return SlackAck.Empty;
    }
}
