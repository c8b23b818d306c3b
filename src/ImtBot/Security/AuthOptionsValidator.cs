using Microsoft.Extensions.Options;

namespace ImtBot.Security;

/// <summary>Checks the <c>Auth</c> section at start and lists every problem at once (never echoing the secret).</summary>
public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var problems = new List<string>();
        var oidc = options.Oidc;
        var anySet = !string.IsNullOrWhiteSpace(oidc.Authority) || !string.IsNullOrWhiteSpace(oidc.ClientId) || !string.IsNullOrWhiteSpace(oidc.ClientSecret);
        if (anySet)
        {
            if (!Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps)
            {
                problems.Add($"Auth:Oidc:Authority must be the provider's https:// issuer URL, e.g. https://login.microsoftonline.com/<tenant>/v2.0 (was \"{oidc.Authority}\").");
            }

            if (string.IsNullOrWhiteSpace(oidc.ClientId))
            {
                problems.Add("Auth:Oidc:ClientId is required with Auth:Oidc:Authority: the client (application) id registered with the provider.");
            }

            if (string.IsNullOrWhiteSpace(oidc.ClientSecret))
            {
                problems.Add("Auth:Oidc:ClientSecret is required with Auth:Oidc:Authority: the client secret registered with the provider.");
            }
        }

        if (string.IsNullOrWhiteSpace(oidc.RoleClaim))
        {
            problems.Add("Auth:Oidc:RoleClaim must name the claim that carries roles or groups, e.g. roles or groups.");
        }

        if (oidc.SessionLifetime < TimeSpan.FromMinutes(5) || oidc.SessionLifetime > TimeSpan.FromDays(7))
        {
            problems.Add($"Auth:Oidc:SessionLifetime must be between 00:05:00 and 7.00:00:00 (was {oidc.SessionLifetime}).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
