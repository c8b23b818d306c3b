using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ImtBot.Teams.Connector;
using Microsoft.Extensions.Options;

namespace ImtBot.Teams.Graph;

/// <summary>The few Microsoft Graph calls ImtBot makes: create, find and archive a team's channels (app token, <c>Teams:GraphBaseUrl</c>).</summary>
internal sealed class GraphClient(IHttpClientFactory http, TokenProvider tokens, TeamRateLimiter teamLimiter, IOptions<TeamsOptions> options, TimeProvider time)
{
    /// <summary><c>POST teams/{groupId}/channels</c> (a standard channel).</summary>
    public async Task<GraphChannel> CreateChannelAsync(string groupId, string displayName, string description, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["displayName"] = displayName,
            ["description"] = description,
            ["membershipType"] = "standard",
        };
        using var doc = await SendAsync(HttpMethod.Post, $"teams/{Uri.EscapeDataString(groupId)}/channels", body, cancellationToken);
        return Read(doc.RootElement);
    }

    /// <summary>The channel with exactly this display name, if any.</summary>
    public async Task<GraphChannel?> FindChannelAsync(string groupId, string displayName, CancellationToken cancellationToken)
    {
        var filter = Uri.EscapeDataString($"displayName eq '{displayName.Replace("'", "''", StringComparison.Ordinal)}'");
        using var doc = await SendAsync(HttpMethod.Get, $"teams/{Uri.EscapeDataString(groupId)}/channels?$filter={filter}", null, cancellationToken);
        if (!doc.RootElement.TryGetProperty("value", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        return list.EnumerateArray().Select(Read).FirstOrDefault(c => string.Equals(c.DisplayName, displayName, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The newest root messages of a channel (needs <c>ChannelMessage.Read.Group</c>): id, the sending app's id and the
    /// attachments' content, to find a post that an earlier, unrecorded attempt already made.
    /// </summary>
    public async Task<IReadOnlyList<GraphMessage>> RecentMessagesAsync(string groupId, string channelId, int top, CancellationToken cancellationToken)
    {
        using var doc = await SendAsync(HttpMethod.Get, $"teams/{Uri.EscapeDataString(groupId)}/channels/{Uri.EscapeDataString(channelId)}/messages?$top={top}", null, cancellationToken);
        if (!doc.RootElement.TryGetProperty("value", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return list.EnumerateArray().Select(m => new GraphMessage(
            m.TryGetProperty("id", out var id) ? id.GetString() ?? "" : "",
            m.TryGetProperty("from", out var from) && from.ValueKind == JsonValueKind.Object && from.TryGetProperty("application", out var app)
                && app.ValueKind == JsonValueKind.Object && app.TryGetProperty("id", out var appId) ? appId.GetString() : null,
            m.TryGetProperty("attachments", out var atts) && atts.ValueKind == JsonValueKind.Array
                ? atts.EnumerateArray().Select(a => a.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() ?? "" : "").ToList()
                : [])).ToList();
    }

    /// <summary><c>POST teams/{groupId}/channels/{channelId}/archive</c>.</summary>
    public async Task ArchiveChannelAsync(string groupId, string channelId, CancellationToken cancellationToken)
    {
        using var doc = await SendAsync(HttpMethod.Post, $"teams/{Uri.EscapeDataString(groupId)}/channels/{Uri.EscapeDataString(channelId)}/archive", new JsonObject(), cancellationToken);
    }

    /// <summary>
    /// <c>POST chats</c>: a group chat of these people (Entra object ids), each an owner, titled <paramref name="topic"/>
    /// (application permission <c>Chat.Create</c>). Returns the chat id (<c>19:…@thread.v2</c>), which is also the bot's
    /// conversation id once its app is installed in the chat.
    /// </summary>
    public async Task<string> CreateGroupChatAsync(string topic, IReadOnlyList<string> memberObjectIds, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["chatType"] = "group",
            ["topic"] = topic,
            ["members"] = new JsonArray([.. memberObjectIds.Select(id => (JsonNode)Member(id))]),
        };
        using var doc = await SendAsync(HttpMethod.Post, "chats", body, cancellationToken);
        return doc.RootElement.TryGetProperty("id", out var chatId) && chatId.GetString() is { Length: > 0 } s
            ? s
            : throw new ConnectorException("Graph created a chat without an id", System.Net.HttpStatusCode.OK, mayHaveApplied: true);
    }

    /// <summary><c>POST chats/{id}/installedApps</c>: installs the bot's app (its app catalog id) so the bot may post there (<c>TeamsAppInstallation.ReadWriteSelfForChat.All</c>).</summary>
    public async Task InstallAppInChatAsync(string chatId, string catalogAppId, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["teamsApp@odata.bind"] = $"{BaseUrl}appCatalogs/teamsApps/{Uri.EscapeDataString(catalogAppId)}" };
        using var doc = await SendAsync(HttpMethod.Post, $"chats/{Uri.EscapeDataString(chatId)}/installedApps", body, cancellationToken);
    }

    /// <summary><c>POST chats/{id}/members</c>: adds a person with the chat's whole history (<c>ChatMember.ReadWrite.All</c>).</summary>
    public async Task AddChatMemberAsync(string chatId, string memberObjectId, CancellationToken cancellationToken)
    {
        var member = Member(memberObjectId);
        member["visibleHistoryStartDateTime"] = "0001-01-01T00:00:00Z";
        using var doc = await SendAsync(HttpMethod.Post, $"chats/{Uri.EscapeDataString(chatId)}/members", member, cancellationToken);
    }

    private JsonObject Member(string objectId) => new()
    {
        ["@odata.type"] = "#microsoft.graph.aadUserConversationMember",
        ["roles"] = new JsonArray("owner"),
        ["user@odata.bind"] = $"{BaseUrl}users('{Uri.EscapeDataString(objectId)}')",
    };

    private string BaseUrl => options.Value.GraphBaseUrl.EndsWith('/') ? options.Value.GraphBaseUrl : options.Value.GraphBaseUrl + "/";

    private static GraphChannel Read(JsonElement e) => new(
        e.TryGetProperty("id", out var id) ? id.GetString() ?? "" : "",
        e.TryGetProperty("displayName", out var n) ? n.GetString() ?? "" : "",
        e.TryGetProperty("description", out var d) ? d.GetString() : null);

    private async Task<JsonDocument> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        var baseUrl = options.Value.GraphBaseUrl;
        var uri = new Uri(new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/"), path);
        var token = await tokens.GraphTokenAsync(cancellationToken);
        using var lease = path.StartsWith("teams/", StringComparison.Ordinal)
            ? await teamLimiter.AcquireAsync(path.Split('/', 3)[1], cancellationToken)
            : null;
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await HttpJson.SendAsync(http.CreateClient(TeamsConstants.GraphClient), request, "Graph", time, cancellationToken);
    }
}
