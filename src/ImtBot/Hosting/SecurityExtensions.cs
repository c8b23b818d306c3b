using ImtBot.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ImtBot.Hosting;

/// <summary>Who may see and do what on the web surface: one authentication scheme, one set of policies.</summary>
internal static class SecurityExtensions
{
    /// <summary>The scheme every endpoint authenticates with; it forwards to the way the request proves who it is.</summary>
    public const string Scheme = "ImtBot";

    public static WebApplicationBuilder AddWebSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>());
        builder.Services.AddSingleton<WebSurface>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, WebSurfaceResultHandler>();

        builder.Services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "ImtBot", o => o.ForwardDefaultSelector = _ => LocalDemoAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, LocalDemoAuthenticationHandler>(LocalDemoAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization(Policies.Add);
        return builder;
    }

    public static WebApplication UseWebSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
