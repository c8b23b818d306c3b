using System.Security.Cryptography;
using System.Text;
using ImtBot.Core.Events;
using ImtBot.Core.Platforms;
using ImtBot.Storage;

namespace ImtBot.Security;

/// <summary>
/// API tokens for automation: 256 random bits shown once, kept as a SHA-256 hash, revocable, last use recorded.
/// Creating and revoking are admin actions recorded in the audit stream before the token store changes.
/// </summary>
public sealed class ApiTokenStore(IDocumentDatabase database, AdminAudit audit, TimeProvider time)
{
    /// <summary>Every token starts with this, so secret scanners (and people) recognise one.</summary>
    public const string Prefix = "imt_";

    /// <summary>Last use is written at most this often per token, not on every request.</summary>
    private static readonly TimeSpan UseResolution = TimeSpan.FromMinutes(1);

    private readonly IDocumentCollection<ApiToken> _tokens = database.Collection<ApiToken>("api_tokens");

    /// <summary>What is wrong with a new token's name or scope, said so that it tells what would work; null when both are fine.</summary>
    public static string? Problem(string? name, string? scope)
    {
        if (scope is null || !ApiTokenScopes.All.Contains(scope))
        {
            return $"scope must be one of {string.Join(", ", ApiTokenScopes.All)} (was \"{scope}\").";
        }

        return name is null || name.Length is 0 or > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')
            ? $"name must be 1 to 64 letters, digits, '.', '-' or '_' (was \"{name}\")."
            : null;
    }

    /// <summary>Creates a token; returns it (to show once) and its record. The name must be unused.</summary>
    public async Task<(string Token, ApiToken Record)?> CreateAsync(string name, string scope, UserRef actor, CancellationToken ct = default)
    {
        if (List().Any(t => t.RevokedAt is null && t.Name == name))
        {
            return null;
        }

        var token = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var record = new ApiToken
        {
            Id = "tok_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)),
            Name = name,
            Scope = scope,
            Hash = HashOf(token),
            CreatedAt = time.GetUtcNow(),
        };
        await audit.AppendAsync(actor, new ApiTokenCreated(record.Id, name, scope), ct);
        await _tokens.WriteAsync(c =>
        {
            c.Insert(record);
            return record;
        }, ct);
        return (token, record);
    }

    /// <summary>Revokes the token with this name or id; false when there is none (or it was revoked already).</summary>
    public async Task<bool> RevokeAsync(string nameOrId, UserRef actor, CancellationToken ct = default)
    {
        if (Find(nameOrId) is not { RevokedAt: null } token)
        {
            return false;
        }

        await audit.AppendAsync(actor, new ApiTokenRevoked(token.Id, token.Name), ct);
        token.RevokedAt = time.GetUtcNow();
        await _tokens.WriteAsync(c => c.Update(token), ct);
        return true;
    }

    public IReadOnlyList<ApiToken> List() => [.. _tokens.FindAll().OrderBy(t => t.CreatedAt)];

    /// <summary>The live token a request presents, compared by hash; its last use recorded (at most once a minute).</summary>
    public async Task<ApiToken?> AuthenticateAsync(string presented, CancellationToken ct = default)
    {
        if (!presented.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var hash = HashOf(presented);
        var token = _tokens.FindAll().FirstOrDefault(t => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(t.Hash), Encoding.ASCII.GetBytes(hash)));
        if (token is not { RevokedAt: null })
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (token.LastUsedAt is not { } last || now - last >= UseResolution)
        {
            token.LastUsedAt = now;
            await _tokens.WriteAsync(c => c.Update(token), ct);
        }

        return token;
    }

    private ApiToken? Find(string nameOrId) =>
        List().FirstOrDefault(t => t.RevokedAt is null && (t.Name == nameOrId || t.Id == nameOrId)) ?? List().FirstOrDefault(t => t.Id == nameOrId || t.Name == nameOrId);

    private static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
