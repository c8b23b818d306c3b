using Microsoft.AspNetCore.Authorization;

namespace ImtBot.Security;

/// <summary>
/// The authorization policies of the web surface. Every endpoint names one of them or is explicitly anonymous (the
/// health probes and the chat and alert webhooks, which check their own signatures); endpoints that name neither
/// fall to the fallback policy, which denies.
/// </summary>
public static class Policies
{
    /// <summary>Reads incidents, timelines, reviews, audits and insights.</summary>
    public const string Viewer = "viewer";

    /// <summary>Acts: types and clicks in the console.</summary>
    public const string Responder = "responder";

    /// <summary>Settings, on-call lists, API tokens, evidence export.</summary>
    public const string Admin = "admin";

    /// <summary>The console page and its API, which <c>Console:Enabled=false</c> turns off; combine with a role policy.</summary>
    public const string Console = "console";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Viewer, RoleIn(Roles.Viewer));
        options.AddPolicy(Responder, RoleIn(Roles.Responder));
        options.AddPolicy(Admin, RoleIn(Roles.Admin));
        options.AddPolicy(Console, p => p.AddRequirements(new WebSurfaceRequirement(console: true)).RequireAuthenticatedUser()
            .RequireAssertion(c => !ApiTokenAuthenticationHandler.IsToken(c.User)));

        // An endpoint someone forgot to give a policy is closed, not open.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().AddRequirements(new WebSurfaceRequirement(console: false)).RequireRole(Roles.Admin).Build();
    }

    private static Action<AuthorizationPolicyBuilder> RoleIn(string role) =>
        p => p.AddRequirements(new WebSurfaceRequirement(console: false)).RequireRole(role);
}
