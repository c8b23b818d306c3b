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
        return app;
    }

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
