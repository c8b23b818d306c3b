using Microsoft.Extensions.Options;

namespace ImtBot.Teams;

/// <summary>Checks the <c>Teams</c> section at start-up and lists every problem at once.</summary>
internal sealed class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        var errors = new List<string>();
        if (!Guid.TryParse(options.AppId, out _))
        {
            errors.Add("Teams:AppId must be the bot's Microsoft App ID (a GUID).");
        }

        if (string.IsNullOrWhiteSpace(options.AppPassword))
        {
            errors.Add("Teams:AppPassword is required (the Entra application's client secret).");
        }

        if (string.IsNullOrWhiteSpace(options.TenantId))
        {
            errors.Add("Teams:TenantId is required (the tenant whose Teams may use the bot).");
        }

        CheckUrl(errors, "Teams:OpenIdMetadataUrl", options.OpenIdMetadataUrl);
        CheckUrl(errors, "Teams:Authority", options.EffectiveAuthority);
        CheckUrl(errors, "Teams:GraphBaseUrl", options.GraphBaseUrl);
        if (options.ConnectorAllowedHosts.Count == 0 || options.ConnectorAllowedHosts.Any(h => string.IsNullOrWhiteSpace(h) || h.Contains('/')))
        {
            errors.Add("Teams:ConnectorAllowedHosts must list host names (e.g. smba.trafficmanager.net), not URLs.");
        }

        if (options.MaxBodyBytes is < 16 * 1024 or > 4 * 1024 * 1024)
        {
            errors.Add("Teams:MaxBodyBytes must be between 16384 and 4194304.");
        }

        if (options.ConversationMessagesPerSecond is < 1 or > 50)
        {
            errors.Add("Teams:ConversationMessagesPerSecond must be between 1 and 50.");
        }

        if (options.TenantRequestsPerSecond is < 1 or > 1000)
        {
            errors.Add("Teams:TenantRequestsPerSecond must be between 1 and 1000.");
        }

        if (options.ChannelReserve is < 0 or > 500)
        {
            errors.Add("Teams:ChannelReserve must be between 0 and 500 (channels kept free per team below Teams' 1000).");
        }

        if (options.IncidentTeamIds.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add("Teams:IncidentTeamIds must list team ids (Microsoft 365 group ids or 19: ids), with no empty entries.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckUrl(List<string> errors, string key, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            errors.Add($"{key} must be an absolute https:// URL (got '{value}').");
        }
    }
}
