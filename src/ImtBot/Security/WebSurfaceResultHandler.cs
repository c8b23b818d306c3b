using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace ImtBot.Security;

/// <summary>
/// A request to a part of the web surface that is off gets 404, as if it were not there (not 401, which would invite
/// a sign-in that is not configured); every other outcome is the usual challenge (401) or forbid (403).
/// </summary>
public sealed class WebSurfaceResultHandler(WebSurface surface) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Succeeded && policy.Requirements.OfType<WebSurfaceRequirement>().Any(r => !r.IsOn(surface)))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
