using ImtBot.Core.Events;
using ImtBot.Security;

namespace ImtBot.Api;

/// <summary>Admins only: the admin audit stream (with its chain check) and the API tokens (never their hashes).</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin").RequireAuthorization(Policies.Admin);
        api.MapGet("/audit", Audit);
        api.MapGet("/tokens", Tokens);
        api.MapPost("/tokens", CreateTokenAsync).AddEndpointFilter<AdminForgeryFilter>();
        api.MapDelete("/tokens/{nameOrId}", RevokeTokenAsync).AddEndpointFilter<AdminForgeryFilter>();
        return app;
    }

    /// <summary>A token request body is a name and a scope: far below this.</summary>
    private const int MaxBodyBytes = 4096;

    /// <summary>
    /// <c>POST /api/admin/tokens</c> with <c>{"name": "ci", "scope": "read"}</c>: 201 with the token, shown this once
    /// (ImtBot keeps its hash); recorded in the audit stream as done by the caller.
    /// </summary>
    internal static async Task<IResult> CreateTokenAsync(HttpRequest request, ApiTokenStore tokens, CancellationToken ct)
    {
        var (body, error) = await BoundedJson.ReadObjectAsync(request, MaxBodyBytes, ct);
        if (error is not null)
        {
            return error;
        }

        var (name, scope) = (BoundedJson.String(body!, "name"), BoundedJson.String(body!, "scope"));
        if (ApiTokenStore.Problem(name, scope) is { } problem)
        {
            return BoundedJson.Problem(400, "Send {\"name\": \"ci\", \"scope\": \"read\"}: " + problem);
        }

        if (await tokens.CreateAsync(name!, scope!, AdminActor.Of(request.HttpContext.User), ct) is not { } created)
        {
            return BoundedJson.Problem(409, $"A token named \"{name}\" exists; revoke it first (DELETE /api/admin/tokens/{name}) or choose another name.");
        }

        var t = created.Record;
        return TypedResults.Created($"/api/admin/tokens/{t.Id}", new { id = t.Id, name = t.Name, scope = t.Scope, createdAt = t.CreatedAt, token = created.Token });
    }

    /// <summary><c>DELETE /api/admin/tokens/{name or id}</c>: revoked from now on; 404 when there is no live token by that name or id.</summary>
    internal static async Task<IResult> RevokeTokenAsync(string nameOrId, HttpContext http, ApiTokenStore tokens, CancellationToken ct) =>
        await tokens.RevokeAsync(nameOrId, AdminActor.Of(http.User), ct)
            ? TypedResults.Ok(new { revoked = nameOrId })
            : BoundedJson.Problem(404, $"There is no live token \"{nameOrId}\"; GET /api/admin/tokens lists them.");

    internal static IResult Audit(AdminAudit audit)
    {
        var events = audit.Events();
        var check = ChainVerifier.Verify(events, AdminAudit.Stream);
        return TypedResults.Ok(new
        {
            valid = check.Valid,
            head = check.Head,
            events = events.Select(e => new
            {
                seq = e.Sequence,
                at = e.At,
                actor = new { platform = e.Actor.Platform, id = e.Actor.Id, name = e.Actor.DisplayName },
                type = e.Type,
                data = System.Text.Json.Nodes.JsonNode.Parse(EventChain.SerializeData(e.Data)),
                hash = e.Hash,
            }),
        });
    }

    internal static IResult Tokens(ApiTokenStore tokens) =>
        TypedResults.Ok(tokens.List().Select(t => new { id = t.Id, name = t.Name, scope = t.Scope, createdAt = t.CreatedAt, lastUsedAt = t.LastUsedAt, revokedAt = t.RevokedAt }));
}
