using System.Text.Json;
using System.Text.Json.Nodes;

namespace ImtBot.Slack.WebApi;

/// <summary><c>conversations.*</c>: incident channels, DMs and their history.</summary>
public sealed class ConversationsApi(SlackApiClient client)
{
    // User id → the id of their DM with the bot.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _directMessages = new(StringComparer.Ordinal);

    /// <param name="isPrivate">A private channel (a private incident): only those invited see it; needs <c>groups:write</c>.</param>
    public async Task<SlackChannel> CreateAsync(string name, CancellationToken ct = default, bool isPrivate = false) =>
        SlackChannel.From((await client.CallAsync(SlackMethods.ConversationsCreate, new JsonObject { ["name"] = name, ["is_private"] = isPrivate }, ct)).GetProperty("channel"));

    public Task InviteAsync(string channel, string user, CancellationToken ct = default) =>
        client.CallAsync(SlackMethods.ConversationsInvite, new JsonObject { ["channel"] = channel, ["users"] = user }, ct);

    public Task SetTopicAsync(string channel, string topic, CancellationToken ct = default) =>
        client.CallAsync(SlackMethods.ConversationsSetTopic, new JsonObject { ["channel"] = channel, ["topic"] = topic }, ct);

    public Task SetPurposeAsync(string channel, string purpose, CancellationToken ct = default) =>
        client.CallAsync(SlackMethods.ConversationsSetPurpose, new JsonObject { ["channel"] = channel, ["purpose"] = purpose }, ct);

    public Task ArchiveAsync(string channel, CancellationToken ct = default) =>
        client.CallAsync(SlackMethods.ConversationsArchive, new JsonObject { ["channel"] = channel }, ct);

    /// <summary>
    /// Opens (or finds) the DM with <paramref name="user"/> and returns its channel id. A user's DM with the bot keeps
    /// its id, so it is asked once per user: an alert storm paging the on-call 200 times would otherwise spend
    /// <c>conversations.open</c>'s 50 a minute four times over before the last page could go.
    /// </summary>
    public async Task<string> OpenAsync(string user, CancellationToken ct = default)
    {
        if (_directMessages.TryGetValue(user, out var known))
        {
            return known;
        }

        var id = (await client.CallAsync(SlackMethods.ConversationsOpen, new JsonObject { ["users"] = user }, ct)).GetProperty("channel").GetProperty("id").GetString()!;
        _directMessages[user] = id;
        return id;
    }

    public async Task<SlackChannel> InfoAsync(string channel, CancellationToken ct = default) =>
        SlackChannel.From((await client.CallAsync(SlackMethods.ConversationsInfo, new JsonObject { ["channel"] = channel }, ct)).GetProperty("channel"));

    /// <summary>Finds a public channel by exact name, archived ones included (they still hold their name), paging by cursor.</summary>
    public async Task<SlackChannel?> FindByNameAsync(string name, CancellationToken ct = default)
    {
        string? cursor = null;
        for (var page = 0; page < 100; page++)
        {
            var args = new JsonObject { ["types"] = "public_channel,private_channel", ["exclude_archived"] = false, ["limit"] = 1000 };
            if (cursor is not null)
            {
                args["cursor"] = cursor;
            }

            var body = await client.CallAsync(SlackMethods.ConversationsList, args, ct);
            foreach (var c in body.GetProperty("channels").EnumerateArray())
            {
                if (c.Str("name") == name)
                {
                    return SlackChannel.From(c);
                }
            }

            cursor = NextCursor(body);
            if (cursor is null)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Recent messages, newest first, with their metadata (<c>include_all_metadata</c>).</summary>
    public async Task<IReadOnlyList<SlackMessage>> HistoryAsync(string channel, int limit = 100, string? latest = null, bool inclusive = false, CancellationToken ct = default)
    {
        var args = new JsonObject { ["channel"] = channel, ["limit"] = limit, ["include_all_metadata"] = true };
        if (latest is not null)
        {
            args["latest"] = latest;
            args["inclusive"] = inclusive;
        }

        var body = await client.CallAsync(SlackMethods.ConversationsHistory, args, ct);
        return body.GetProperty("messages").EnumerateArray().Select(SlackMessage.From).ToList();
    }

    /// <summary>
    /// The newest message posted between <paramref name="oldest"/> and <paramref name="latest"/> (both Slack's time; no
    /// latest means up to now, Slack's own default) that <paramref name="match"/> accepts, or null. Pages by cursor, at
    /// most <see cref="HistoryPageLimit"/> messages a request (all a non-Marketplace app gets), for up to
    /// <paramref name="maxPages"/> pages (null past them); metadata is only returned because <c>include_all_metadata</c> is asked for.
    /// </summary>
    public async Task<SlackMessage?> FindBetweenAsync(string channel, DateTimeOffset oldest, DateTimeOffset? latest, Func<SlackMessage, bool> match, int maxPages = 200, CancellationToken ct = default)
    {
        string? cursor = null;
        for (var page = 0; page < maxPages; page++)
        {
            var args = new JsonObject
            {
                ["channel"] = channel,
                ["limit"] = HistoryPageLimit,
                ["include_all_metadata"] = true,
                ["oldest"] = Ts(oldest),
                ["inclusive"] = true,
            };
            if (latest is { } until)
            {
                args["latest"] = Ts(until.AddSeconds(1)); // Ts drops the fraction: the whole last second is in
            }

            if (cursor is not null)
            {
                args["cursor"] = cursor;
            }

            var body = await client.CallAsync(SlackMethods.ConversationsHistory, args, ct);
            if (body.GetProperty("messages").EnumerateArray().Select(SlackMessage.From).FirstOrDefault(match) is { } found)
            {
                return found;
            }

            cursor = body.TryGetProperty("has_more", out var more) && more.ValueKind == JsonValueKind.True ? NextCursor(body) : null;
            if (cursor is null)
            {
                return null;
            }
        }

        // More than maxPages × 15 messages in the window: the search gives up rather than hold the step
        // (and its incident) for ever; the caller posts.
        return null;
    }

    /// <summary>The most messages one <c>conversations.history</c> request returns to an app not in the Slack Marketplace.</summary>
    public const int HistoryPageLimit = 15;

    /// <summary>A Slack timestamp (<c>seconds.micros</c>) for <paramref name="at"/>, to the second.</summary>
    public static string Ts(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) + ".000000";

    /// <summary>The message with timestamp <paramref name="ts"/>, or null.</summary>
    public async Task<SlackMessage?> FindMessageAsync(string channel, string ts, CancellationToken ct = default) =>
        (await HistoryAsync(channel, 1, latest: ts, inclusive: true, ct: ct)).FirstOrDefault(m => m.Ts == ts);

    private static string? NextCursor(JsonElement body)
    {
        var next = body.TryGetProperty("response_metadata", out var meta) ? meta.Str("next_cursor") : null;
        return string.IsNullOrEmpty(next) ? null : next;
    }
}
