using System.Collections.Concurrent;
using System.Text.Json;
using ImtBot.Core.Events;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using Microsoft.Extensions.Options;

namespace ImtBot.Teams.Activities;

/// <summary>
/// Reads and writes the Teams settings kept in the store: the incident team, the last trusted serviceUrl per tenant,
/// and each user's Teams id (<c>29:…</c>) by Entra object id.
/// </summary>
/// <param name="audit">Where a change of the incident team is recorded as an admin action; optional.</param>
internal sealed class TeamDirectory(ISettingsStore store, IOptions<TeamsOptions> options, IAdminAuditLog? audit = null)
{
    private readonly ConcurrentDictionary<string, string> knownServiceUrls = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> knownUsers = new(StringComparer.OrdinalIgnoreCase);

    public TeamReference? IncidentTeam()
    {
        var json = store.GetSetting(TeamsConstants.TeamSetting);
        return json is null ? null : JsonSerializer.Deserialize<TeamReference>(json, ActivityJson.Options);
    }

    /// <summary>A team the bot was added to, by its <c>19:</c> id or Microsoft 365 group id; null when it was never seen.</summary>
    public TeamReference? FindTeam(string id)
    {
        var json = store.GetSetting($"{TeamsConstants.TeamSetting}:{id}") ?? store.GetSetting($"{TeamsConstants.TeamSetting}:{id.ToLowerInvariant()}");
        if (json is not null)
        {
            return JsonSerializer.Deserialize<TeamReference>(json, ActivityJson.Options);
        }

        return IncidentTeam() is { } team
            && (string.Equals(team.TeamId, id, StringComparison.OrdinalIgnoreCase) || string.Equals(team.AadGroupId, id, StringComparison.OrdinalIgnoreCase))
            ? team
            : null;
    }

    /// <summary>
    /// Remembers a team; it becomes the incident team unless <c>Teams:IncidentTeamId</c> names another one. A new incident
    /// team is an org-wide setting change, recorded in the admin audit stream as done by <paramref name="by"/> (who added the bot).
    /// </summary>
    public async Task SaveTeamAsync(TeamReference team, CancellationToken cancellationToken, UserRef? by = null)
    {
        var json = JsonSerializer.Serialize(team, ActivityJson.Options);
        await store.SetSettingAsync($"{TeamsConstants.TeamSetting}:{team.TeamId}", json, cancellationToken);
        if (!string.IsNullOrEmpty(team.AadGroupId))
        {
            // Also findable by the Microsoft 365 group id, the form Teams:IncidentTeamIds usually takes.
            await store.SetSettingAsync($"{TeamsConstants.TeamSetting}:{team.AadGroupId.ToLowerInvariant()}", json, cancellationToken);
        }

        var wanted = options.Value.IncidentTeams.FirstOrDefault();
        if (string.IsNullOrWhiteSpace(wanted)
            || string.Equals(wanted, team.AadGroupId, StringComparison.OrdinalIgnoreCase)
            || string.Equals(wanted, team.TeamId, StringComparison.OrdinalIgnoreCase))
        {
            if (audit is not null && IncidentTeam()?.TeamId != team.TeamId)
            {
                await audit.AppendAsync(by ?? UserRef.System, new SettingChanged(TeamsConstants.TeamSetting, $"the Teams incident team is now \"{team.TeamName ?? team.TeamId}\" ({team.TeamId})"), cancellationToken);
            }

            await store.SetSettingAsync(TeamsConstants.TeamSetting, json, cancellationToken);
        }
    }

    /// <summary>The serviceUrl to reach a tenant: the last authenticated one, the team's, or the global default.</summary>
    public string ServiceUrlFor(string? tenantId) =>
        (tenantId is null ? null : store.GetSetting($"{TeamsConstants.ServiceUrlSetting}:{tenantId}"))
        ?? IncidentTeam()?.ServiceUrl
        ?? TeamsConstants.DefaultServiceUrl;

    /// <summary>Stores the serviceUrl of an authenticated activity when it changed (Teams moves it over time).</summary>
    public async Task RememberServiceUrlAsync(string tenantId, string serviceUrl, CancellationToken cancellationToken)
    {
        if (knownServiceUrls.TryGetValue(tenantId, out var known) && string.Equals(known, serviceUrl, StringComparison.Ordinal))
        {
            return; // the common case: no store round trip per activity
        }

        var key = $"{TeamsConstants.ServiceUrlSetting}:{tenantId}";
        if (!string.Equals(store.GetSetting(key), serviceUrl, StringComparison.Ordinal))
        {
            await store.SetSettingAsync(key, serviceUrl, cancellationToken);
        }

        knownServiceUrls[tenantId] = serviceUrl;
    }

    /// <summary>
    /// Remembers a user's Teams id (<c>29:…</c>) under their Entra object id: 1:1 chats are created with the Teams id
    /// (docs/protocols.md §Teams Connector), while incidents name people by object id, which Graph uses.
    /// </summary>
    public async Task RememberUserAsync(string aadObjectId, string teamsUserId, CancellationToken cancellationToken)
    {
        if (!teamsUserId.StartsWith("29:", StringComparison.Ordinal)
            || (knownUsers.TryGetValue(aadObjectId, out var known) && string.Equals(known, teamsUserId, StringComparison.Ordinal)))
        {
            return;
        }

        var key = $"{TeamsConstants.UserSetting}:{aadObjectId}";
        if (!string.Equals(store.GetSetting(key), teamsUserId, StringComparison.Ordinal))
        {
            await store.SetSettingAsync(key, teamsUserId, cancellationToken);
        }

        knownUsers[aadObjectId] = teamsUserId;
    }

    /// <summary>The Teams id (<c>29:…</c>) seen for this Entra object id, if any.</summary>
    public string? TeamsUserId(string aadObjectId) =>
        knownUsers.TryGetValue(aadObjectId, out var known) ? known : store.GetSetting($"{TeamsConstants.UserSetting}:{aadObjectId}");
}
