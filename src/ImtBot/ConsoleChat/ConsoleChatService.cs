using System.Text.Json.Nodes;
using ImtBot.Core.Platforms;
using Microsoft.Extensions.Options;

namespace ImtBot.ConsoleChat;

/// <summary>The console workspace: channels, direct messages, posting and editing, and live updates to open pages.</summary>
public sealed class ConsoleChatService(ConsoleChatStore store, ConsoleHub hub, IOptions<ConsoleOptions> options, TimeProvider time)
{
    public const string General = "general";
    public const string BotId = "imtbot";
    public const string BotName = "ImtBot";

    public ConsoleOptions Options => options.Value;

    public string Announcements => options.Value.AnnouncementsChannel;

    public IReadOnlyList<ConsoleUser> Users => options.Value.Directory;

    public ConsoleUser? FindUser(string? id) =>
        id is null ? null : Users.FirstOrDefault(u => string.Equals(u.Id, id, StringComparison.OrdinalIgnoreCase));

    public UserRef ToUserRef(ConsoleUser user) => new(PlatformNames.Console, user.Id, user.Name);

    public static string DirectChannelId(string userId) => "dm-" + userId;

    public async Task EnsureDefaultsAsync()
    {
        await store.EnsureIndexesAsync();
        await EnsureChannelAsync(General, General, "channel", null, null, "Say hello. Declare with /incident declare <title> sev1");
        await EnsureChannelAsync(Announcements, Announcements, "channel", null, null, "Incident announcements and stakeholder updates");
    }

    public async Task<ConsoleChannel> EnsureChannelAsync(string id, string name, string kind, string? owner, int? incident, string? topic)
    {
        var existing = store.FindChannel(id);
        if (existing is not null && existing.Topic == topic)
        {
            return existing;
        }

        var channel = existing ?? new ConsoleChannel { Id = id, Name = name, Kind = kind, Owner = owner, Incident = incident, CreatedAt = time.GetUtcNow().UtcDateTime };
        channel.Topic = topic;
        await store.UpsertChannelAsync(channel);
        hub.Publish(new ConsoleEvent("channel", ToDto(channel), owner, channel.Id));
        return channel;
    }

    public async Task<ConsoleChannel> EnsureDirectChannelAsync(string userId)
    {
        var user = FindUser(userId);
        return await EnsureChannelAsync(DirectChannelId(userId), "ImtBot ↔ " + (user?.Name ?? userId), "direct", userId, null, null);
    }

    public async Task ArchiveChannelAsync(string id)
    {
        var channel = store.FindChannel(id);
        if (channel is null || channel.Archived)
        {
            return;
        }

        channel.Archived = true;
        await store.UpsertChannelAsync(channel);
        hub.Publish(new ConsoleEvent("channel", ToDto(channel), channel.Owner, channel.Id));
    }

    public ConsoleChannel? FindChannel(string id) => store.FindChannel(id);

    /// <summary>Everyone sees the public channels; a direct channel only its owner (a private incident's: <see cref="ConsoleVisibility"/>).</summary>
    public static bool CanSee(string user, ConsoleChannel channel) => channel.Kind != "direct" || channel.Owner == user;

    public IReadOnlyList<ConsoleChannel> ChannelsFor(string user) =>
        store.ListChannels().Where(c => CanSee(user, c)).OrderBy(c => c.Kind).ThenBy(c => c.CreatedAt).ToList();

    public IReadOnlyList<ConsoleMessage> MessagesFor(string channelId, string user, int max = 500) =>
        store.ListMessages(channelId, max).Where(m => m.VisibleTo is null || m.VisibleTo == user).ToList();

    /// <summary>Messages in the channel the user may see, did not write, and has not read yet.</summary>
    public int UnreadCount(string user, string channelId) =>
        store.ListMessagesAfter(channelId, store.LastRead(user, channelId)).Count(m => m.UserId != user && (m.VisibleTo is null || m.VisibleTo == user));

    /// <summary>Records that the user has read the channel up to and including the message <paramref name="key"/>.</summary>
    public Task MarkReadAsync(string user, string channelId, string key) =>
        FindMessage(key) is { } message && message.ChannelId == channelId ? store.MarkReadAsync(user, channelId, message.Id) : Task.CompletedTask;

    public ConsoleMessage? FindMessage(string key) =>
        key.Length > 1 && key[0] == 'm' && long.TryParse(key.AsSpan(1), out var id) ? store.FindMessage(id) : null;

    /// <param name="origin">For a bot post made by an outbox step: its <see cref="ConsoleMessage.Origin"/>; a message with the same origin already stored is returned instead of posting again.</param>
    public async Task<ConsoleMessage> PostAsync(string channelId, string userId, string userName, string text, JsonNode? card = null, string? visibleTo = null, string? origin = null)
    {
        var (message, inserted) = await store.InsertMessageAsync(Draft(channelId, userId, userName, text, card, visibleTo, origin));
        if (inserted)
        {
            Publish(message);
        }

        return message;
    }

    /// <summary>
    /// Posts <paramref name="messages"/> (made with <see cref="Draft"/>) in order and in one write: a typed command's echo
    /// and its reply wait for the disk once, not twice.
    /// </summary>
    public async Task<IReadOnlyList<ConsoleMessage>> PostAllAsync(params ConsoleMessage[] messages)
    {
        var posted = await store.InsertMessagesAsync(messages);
        foreach (var (message, inserted) in posted)
        {
            if (inserted)
            {
                Publish(message);
            }
        }

        return [.. posted.Select(p => p.Message)];
    }

    /// <summary>A message to post with <see cref="PostAllAsync"/>, stamped now.</summary>
    public ConsoleMessage Draft(string channelId, string userId, string userName, string text, JsonNode? card = null, string? visibleTo = null, string? origin = null) => new()
    {
        ChannelId = channelId,
        UserId = userId,
        UserName = userName,
        Text = text,
        CardJson = card?.ToJsonString(),
        VisibleTo = visibleTo,
        CreatedAt = time.GetUtcNow().UtcDateTime,
        Origin = origin,
    };

    private void Publish(ConsoleMessage message) =>
        hub.Publish(new ConsoleEvent("message", ToDto(message), message.VisibleTo ?? OwnerOf(message.ChannelId), message.ChannelId));

    public Task<ConsoleMessage> PostAsBotAsync(string channelId, string text, JsonNode? card = null, string? origin = null) => PostAsync(channelId, BotId, BotName, text, card, origin: origin);

    public async Task<ConsoleMessage?> UpdateAsync(string key, string text, JsonNode? card)
    {
        var existing = FindMessage(key);
        if (existing is null)
        {
            return null;
        }

        var updated = await store.UpdateMessageAsync(existing.Id, m =>
        {
            m.Text = text;
            m.CardJson = card?.ToJsonString();
            m.EditedAt = time.GetUtcNow().UtcDateTime;
        });
        if (updated is not null)
        {
            hub.Publish(new ConsoleEvent("message", ToDto(updated), updated.VisibleTo ?? OwnerOf(updated.ChannelId), updated.ChannelId));
        }

        return updated;
    }

    public async Task PinAsync(string key)
    {
        var existing = FindMessage(key);
        if (existing is not null && !existing.Pinned)
        {
            var updated = await store.UpdateMessageAsync(existing.Id, m => m.Pinned = true);
            hub.Publish(new ConsoleEvent("message", ToDto(updated!), updated!.VisibleTo ?? OwnerOf(updated.ChannelId), updated.ChannelId));
        }
    }

    private string? OwnerOf(string channelId) => channelId.StartsWith("dm-", StringComparison.Ordinal) ? channelId[3..] : null;

    public static object ToDto(ConsoleChannel c) => new
    {
        id = c.Id,
        name = c.Name,
        kind = c.Kind,
        incident = c.Incident,
        topic = c.Topic,
        archived = c.Archived,
    };

    /// <summary>A channel as one user's sidebar shows it, with how many messages there they have not read, and whether it is a private incident's.</summary>
    public object ToDto(ConsoleChannel c, string user, bool isPrivate = false) => new
    {
        id = c.Id,
        name = c.Name,
        kind = c.Kind,
        incident = c.Incident,
        topic = c.Topic,
        archived = c.Archived,
        unread = UnreadCount(user, c.Id),
        @private = isPrivate,
    };

    public static object ToDto(ConsoleMessage m) => new
    {
        id = m.Key,
        channel = m.ChannelId,
        user = m.UserId,
        userName = m.UserName,
        text = m.Text,
        card = m.CardJson is null ? null : JsonNode.Parse(m.CardJson),
        ephemeral = m.VisibleTo is not null,
        pinned = m.Pinned,
        at = new DateTimeOffset(DateTime.SpecifyKind(m.CreatedAt, DateTimeKind.Utc)),
        edited = m.EditedAt is not null,
    };
}
