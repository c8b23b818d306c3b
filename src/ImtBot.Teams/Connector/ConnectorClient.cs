using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ImtBot.Teams.Activities;
using Microsoft.Extensions.Options;

namespace ImtBot.Teams.Connector;

/// <summary>
/// The Bot Connector REST API (docs/protocols.md §Teams Connector): send, reply, update, create conversations, team details and
/// members. The bot token goes only to trusted serviceUrls; ids are escaped; sends are limited per conversation, and
/// every request per tenant.
/// Retries of throttled calls happen in the HTTP pipeline (see <c>AddTeams</c>); a POST that may have been applied is
/// never retried blindly — it surfaces as a <see cref="ConnectorException"/> for the outbox to reconcile.
/// </summary>
internal sealed class ConnectorClient(
    IHttpClientFactory http,
    TokenProvider tokens,
    ServiceUrlPolicy trust,
    ConversationRateLimiter limiter,
    TenantRateLimiter tenants,
    IOptions<TeamsOptions> options,
    TimeProvider time)
{
    public async Task<string> SendAsync(string serviceUrl, string conversationId, JsonObject activity, CancellationToken cancellationToken)
    {
        Address(activity, conversationId);
        using var lease = await limiter.AcquireAsync(conversationId, cancellationToken);
        var doc = await SendJsonAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities", activity, lease, cancellationToken);
        return Id(doc, "id");
    }

    public async Task<string> ReplyAsync(string serviceUrl, string conversationId, string replyToId, JsonObject activity, CancellationToken cancellationToken)
    {
        activity["replyToId"] = replyToId;
        Address(activity, conversationId);
        using var lease = await limiter.AcquireAsync(conversationId, cancellationToken);
        var doc = await SendJsonAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(replyToId)}", activity, lease, cancellationToken);
        return Id(doc, "id");
    }

    public async Task UpdateAsync(string serviceUrl, string conversationId, string activityId, JsonObject activity, CancellationToken cancellationToken)
    {
        activity["id"] = activityId;
        activity["type"] = "message";
        Address(activity, conversationId);
        using var lease = await limiter.AcquireAsync(conversationId, cancellationToken);
        await SendJsonAsync(HttpMethod.Put, serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(activityId)}", activity, lease, cancellationToken);
    }

    public async Task<ConversationResource> CreateConversationAsync(string serviceUrl, JsonObject parameters, CancellationToken cancellationToken)
    {
        // A new thread counts against its channel; a new 1:1 chat against the person it is with.
        var key = parameters["channelData"]?["channel"]?["id"]?.GetValue<string>()
            ?? parameters["members"]?[0]?["id"]?.GetValue<string>()
            ?? "create";
        using var lease = await limiter.AcquireAsync(key, cancellationToken);
        var doc = await SendJsonAsync(HttpMethod.Post, serviceUrl, "v3/conversations", parameters, lease, cancellationToken);
        var activityId = doc.RootElement.TryGetProperty("activityId", out var a) ? a.GetString() : null;
        return new ConversationResource(Id(doc, "id"), activityId);
    }

    /// <summary><c>GET v3/teams/{id}</c>: the team's name and Microsoft 365 group id.</summary>
    public async Task<TeamsIdName> GetTeamAsync(string serviceUrl, string teamId, CancellationToken cancellationToken)
    {
        using var doc = await SendJsonAsync(HttpMethod.Get, serviceUrl, $"v3/teams/{Esc(teamId)}", null, null, cancellationToken);
        return doc.Deserialize<TeamsIdName>(ActivityJson.Options) ?? new TeamsIdName { Id = teamId };
    }

    /// <summary><c>GET v3/conversations/{id}/members/{userId}</c>: resolves a <c>29:</c> id to the user's Entra object id.</summary>
    public async Task<ChannelAccount?> GetMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken cancellationToken)
    {
        using var doc = await SendJsonAsync(HttpMethod.Get, serviceUrl, $"v3/conversations/{Esc(conversationId.Split(';', 2)[0])}/members/{Esc(userId)}", null, null, cancellationToken);
        return doc.Deserialize<ChannelAccount>(ActivityJson.Options);
    }

    /// <summary>
    /// Every activity the bot sends names its conversation (<c>conversation.id</c> is required) and itself as the sender
    /// (<c>from</c>, the <c>28:</c> bot id), as the Bot Framework SDKs do (docs/protocols.md §Teams Connector).
    /// </summary>
    private void Address(JsonObject activity, string conversationId)
    {
        activity["conversation"] = new JsonObject { ["id"] = conversationId };
        if (activity["from"] is null)
        {
            activity["from"] = new JsonObject { ["id"] = "28:" + options.Value.AppId };
        }
    }

    /// <summary>
    /// The request's turn under its tenant's limit, taken last (after its conversation's, which it may wait for): a
    /// request waiting for a busy conversation does not hold a share of the tenant's second meanwhile.
    /// </summary>
    private async Task<SlidingWindowLimiter.Lease> TenantTurnAsync(string serviceUrl, SlidingWindowLimiter.Lease? conversationTurn, CancellationToken cancellationToken)
    {
        try
        {
            return await tenants.AcquireAsync(serviceUrl, cancellationToken);
        }
        catch
        {
            conversationTurn?.Unused();
            throw;
        }
    }

    private static string Esc(string id) => Uri.EscapeDataString(id);

    private static string Id(JsonDocument doc, string name) =>
        doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(name, out var v) && v.GetString() is { Length: > 0 } s
            ? s
            : throw new ConnectorException($"the Connector answered without an {name}", HttpStatusCode.OK, mayHaveApplied: true);

    /// <param name="conversationTurn">The request's turn in its conversation, if it has one: given back unused when the tenant's limit sends the caller away.</param>
    private async Task<JsonDocument> SendJsonAsync(HttpMethod method, string serviceUrl, string path, JsonObject? body, SlidingWindowLimiter.Lease? conversationTurn, CancellationToken cancellationToken)
    {
        var uri = trust.Build(serviceUrl, path);
        var token = await tokens.BotTokenAsync(cancellationToken);
        using var tenantTurn = await TenantTurnAsync(serviceUrl, conversationTurn, cancellationToken);
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: ActivityJson.Options);
        }

        return await HttpJson.SendAsync(http.CreateClient(TeamsConstants.ConnectorClient), request, "Connector", time, cancellationToken);
    }
}
