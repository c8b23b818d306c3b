using System.Text.Json;
using System.Text.RegularExpressions;
using ImtBot.Core.Commands;
using ImtBot.Core.Events;
using ImtBot.Core.Platforms;
using ImtBot.Slack.WebApi;

namespace ImtBot.Slack.Inbound;

public sealed partial class SlackInbound
{
    /// <summary>
    /// An <c>event_callback</c> envelope: <c>app_mention</c> is a command (the bot's own mention stripped); a
    /// <c>pushpin</c> reaction in an incident channel captures the message; edits and deletions of captured messages
    /// are recorded. Every command carries <c>slack:event:&lt;event_id&gt;</c>, so a redelivery applies once.
    /// </summary>
    public async Task<SlackAck> EventAsync(JsonElement envelope, CancellationToken cancellationToken)
    {
        if (envelope.Str("type") != "event_callback" || !envelope.TryGetProperty("event", out var ev) || envelope.Str("event_id") is not { } eventId)
        {
            return Ignore("event envelope " + envelope.Str("type"));
        }

        var key = "slack:event:" + eventId;
        var botUser = envelope.TryGetProperty("authorizations", out var auths) && auths.ValueKind == JsonValueKind.Array && auths.GetArrayLength() > 0
            ? auths[0].Str("user_id")
            : null;
        return (ev.Str("type"), ev.Str("subtype")) switch
        {
            ("app_mention", _) => await MentionAsync(ev, botUser, key, cancellationToken).ConfigureAwait(false),
            ("reaction_added", _) => await PinAsync(ev, key, cancellationToken).ConfigureAwait(false),
            ("message", "message_changed") => await CapturedChangeAsync(ev, ev.TryGetProperty("message", out var m) ? m : default, "edited", botUser, key, cancellationToken).ConfigureAwait(false),
            ("message", "message_deleted") => await CapturedChangeAsync(ev, ev.TryGetProperty("previous_message", out var p) ? p : default, "deleted", botUser, key, cancellationToken).ConfigureAwait(false),
            var (type, subtype) => Ignore($"event {type}/{subtype}"),
        };
    }

    private async Task<SlackAck> MentionAsync(JsonElement ev, string? botUser, string key, CancellationToken cancellationToken)
    {
        if (ev.Str("bot_id") is not null || ev.Str("user") is not { } userId || ev.Str("channel") is not { } channel)
        {
            return Ignore("app_mention from a bot or without user/channel");
        }

        var text = Formatting.SlackText.Unescape(StripMention(ev.Str("text") ?? "", botUser));
        var actor = await ActorAsync(userId, cancellationToken).ConfigureAwait(false);
        var redelivered = Redelivered(key);
        var reply = await handler.HandleAsync(new ChatCommand(text, actor, new ChannelRef(PlatformNames.Slack, channel), key), cancellationToken).ConfigureAwait(false);
        return redelivered ? SlackAck.Empty : new SlackAck(After: EphemeralAfter(channel, userId, reply));
    }

    /// <summary>Removes the bot's own mention (<c>&lt;@B1&gt;</c> / <c>&lt;@B1|imtbot&gt;</c>), or the leading mention when the bot id is unknown.</summary>
    public static string StripMention(string text, string? botUser)
    {
        var pattern = botUser is null ? @"^\s*<@[A-Z0-9]+(\|[^>]*)?>\s*" : @"\s*<@" + Regex.Escape(botUser) + @"(\|[^>]*)?>\s*";
        return Regex.Replace(text, pattern, " ", RegexOptions.None, TimeSpan.FromSeconds(1)).Trim();
    }

    private async Task<SlackAck> PinAsync(JsonElement ev, string key, CancellationToken cancellationToken)
    {
        if (ev.Str("reaction") != "pushpin" || !ev.TryGetProperty("item", out var item) || item.Str("type") != "message"
            || item.Str("channel") is not { } channel || item.Str("ts") is not { } ts || ev.Str("user") is not { } userId)
        {
            return Ignore("reaction that is not a pushpin on a message");
        }

        if (store.FindIncidentByChannel(new ChannelRef(PlatformNames.Slack, channel)) is not { } incident)
        {
            return Ignore("pushpin outside an incident channel");
        }

        var message = await api.Conversations.FindMessageAsync(channel, ts, cancellationToken).ConfigureAwait(false);
        if (message is null)
        {
            return Ignore("pinned message not found");
        }

        var authorId = message.User ?? message.BotId ?? "unknown";
        var author = message.User is null ? new UserRef(PlatformNames.Slack, authorId, authorId) : await ActorAsync(authorId, cancellationToken).ConfigureAwait(false);
        var capture = new MessageCaptureCommand(PlatformNames.Slack, SlackTimestamp.MessageId(channel, ts), author, SlackTimestamp.ToTime(ts) ?? DateTimeOffset.UnixEpoch, Formatting.SlackText.Unescape(message.Text), "pinned")
        {
            Incident = incident,
        };
        var actor = await ActorAsync(userId, cancellationToken).ConfigureAwait(false);
        await handler.HandleParsedAsync(capture, new ChatCommand("capture " + ts, actor, new ChannelRef(PlatformNames.Slack, channel), key), cancellationToken).ConfigureAwait(false);
        return SlackAck.Empty;
    }

    private async Task<SlackAck> CapturedChangeAsync(JsonElement ev, JsonElement message, string change, string? botUser, string key, CancellationToken cancellationToken)
    {
        var channel = ev.Str("channel");
        var ts = change == "deleted" ? ev.Str("deleted_ts") ?? message.Str("ts") : message.Str("ts");
        if (channel is null || ts is null || message.ValueKind != JsonValueKind.Object)
        {
            return Ignore("message change without channel/ts");
        }

        if (message.Str("bot_id") is not null || (botUser is not null && message.Str("user") == botUser))
        {
            return Ignore("change of a bot message"); // the bot edits its own cards on every change: never loop on them
        }

        if (store.FindIncidentByChannel(new ChannelRef(PlatformNames.Slack, channel)) is not { } incident)
        {
            return Ignore("message change outside an incident channel");
        }

        var id = SlackTimestamp.MessageId(channel, ts);
        if (!store.GetEvents(incident).Any(e => e.Data is MessageCaptured captured && captured.MessageId == id))
        {
            return Ignore("change of a message that was not captured");
        }

        var authorId = message.Str("user") ?? "unknown";
        var author = await ActorAsync(authorId, cancellationToken).ConfigureAwait(false);
        var at = SlackTimestamp.ToTime(message.TryGetProperty("edited", out var edited) ? edited.Str("ts") : null)
            ?? SlackTimestamp.ToTime(ev.Str("event_ts") ?? ev.Str("ts"))
            ?? DateTimeOffset.UnixEpoch;
        var capture = new MessageCaptureCommand(PlatformNames.Slack, id, author, at, Formatting.SlackText.Unescape(message.Str("text")), change) { Incident = incident };
        await handler.HandleParsedAsync(capture, new ChatCommand(change + " " + ts, author, new ChannelRef(PlatformNames.Slack, channel), key), cancellationToken).ConfigureAwait(false);
        return SlackAck.Empty;
    }
}
