using ImtBot.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ImtBot.Hosting;

/// <summary>Who may see and do what on the web surface: one authentication scheme, one set of policies.</summary>
internal static class SecurityExtensions
{
    /// <summary>The scheme every endpoint authenticates with; it forwards to the way the request proves who it is.</summary>
    public const string Scheme = "ImtBot";

    public const string CookieScheme = "ImtBot.Cookie";

    public const string OidcScheme = "ImtBot.Oidc";

    public static WebApplicationBuilder AddWebSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>());
        builder.Services.AddSingleton<WebSurface>();
        builder.Services.AddSingleton<AdminAudit>();
        builder.Services.AddSingleton<ImtBot.Core.Ports.IAdminAuditLog>(sp => sp.GetRequiredService<AdminAudit>());
        builder.Services.AddSingleton<ApiTokenStore>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, WebSurfaceResultHandler>();

        // Whether sign-in is configured decides which schemes exist: a scheme without its settings would fail every request.
        var signIn = builder.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>()?.IsConfigured == true;
        var authentication = builder.Services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "ImtBot", o => o.ForwardDefaultSelector = http =>
                ApiTokenAuthenticationHandler.Carries(http.Request) ? ApiTokenAuthenticationHandler.SchemeName
                : signIn ? CookieScheme
                : LocalDemoAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, LocalDemoAuthenticationHandler>(LocalDemoAuthenticationHandler.SchemeName, null);
        if (signIn)
        {
            authentication.AddCookie(CookieScheme).AddOpenIdConnect(OidcScheme, _ => { });
            builder.Services.AddOptions<CookieAuthenticationOptions>(CookieScheme).Configure<IOptions<AuthOptions>>((o, auth) => ConfigureCookie(o, auth.Value));
            builder.Services.AddOptions<OpenIdConnectOptions>(OidcScheme).Configure<IOptions<AuthOptions>>((o, auth) => ConfigureOidc(o, auth.Value));
        }

        builder.Services.AddAuthorization(Policies.Add);

        // The edge: per-source rate limits, and no server banner.
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>());
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>(RateLimits.Configure);
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        return builder;
    }

    public static WebApplication UseWebSecurity(this WebApplication app)
    {
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            // Strict-Transport-Security on HTTPS responses (never on plain HTTP, so the loopback demo is unaffected).
            app.UseHsts();
        }

        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions o, AuthOptions auth)
    {
        // __Host-: sent only over HTTPS, to this host, for every path; not readable from scripts.
        o.Cookie.Name = "__Host-ImtBot";
        o.Cookie.HttpOnly = true;
        o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.ExpireTimeSpan = auth.Oidc.SessionLifetime;
        o.SlidingExpiration = true;
        o.Events.OnRedirectToLogin = context =>
        {
            // APIs answer 401; a page sends the browser to the provider's sign-in.
            if (IsApi(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            }

            return context.HttpContext.ChallengeAsync(OidcScheme, new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + context.Request.QueryString });
        };
        o.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }

    private static void ConfigureOidc(OpenIdConnectOptions o, AuthOptions auth)
    {
        o.Authority = auth.Oidc.Authority;
        o.ClientId = auth.Oidc.ClientId;
        o.ClientSecret = auth.Oidc.ClientSecret;
        o.ResponseType = "code";
        o.UsePkce = true;
        o.RequireHttpsMetadata = true;
        o.SignInScheme = CookieScheme;
        o.SaveTokens = false;
        o.MapInboundClaims = false;
        o.GetClaimsFromUserInfoEndpoint = false;
        o.Scope.Clear();
        foreach (var scope in new[] { "openid", "profile" }.Concat(auth.Oidc.Scopes))
        {
            o.Scope.Add(scope);
        }

        o.Events.OnTokenValidated = context =>
        {
            // Keep only who the person is and what they may do (see SignedInPerson).
            context.Principal = SignedInPerson.From(context.Principal!, auth);
            return Task.CompletedTask;
        };
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");
}
