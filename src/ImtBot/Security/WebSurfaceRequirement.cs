using Microsoft.AspNetCore.Authorization;

namespace ImtBot.Security;

/// <summary>Met while the web surface (or, with <see cref="Console"/>, the console) is served; see <see cref="WebSurface"/>.</summary>
public sealed class WebSurfaceRequirement(bool console) : AuthorizationHandler<WebSurfaceRequirement>, IAuthorizationRequirement
{
    public bool Console { get; } = console;

    /// <summary>Whether the surface this requirement guards is served now.</summary>
    public bool IsOn(WebSurface surface) => Console ? surface.ConsoleOn : surface.IsOn;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, WebSurfaceRequirement requirement)
    {
        if (context.Resource is HttpContext http && requirement.IsOn(http.RequestServices.GetRequiredService<WebSurface>()))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
