namespace ImtBot.Security;

/// <summary>
/// Anti-forgery for the admin API's changes: a request signed in by cookie (or the loopback local demo) must come from
/// this host's own pages, exactly as a console action (<see cref="ConsoleForgeryFilter"/>); a request carrying an API
/// token is not at risk (a browser never adds the header by itself) and is let through.
/// </summary>
public sealed class AdminForgeryFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!ApiTokenAuthenticationHandler.IsToken(http.User))
        {
            // A DELETE has no body; a cross-site page cannot send one without a CORS preflight, which is never granted.
            var refusal = HttpMethods.IsDelete(http.Request.Method) ? ConsoleForgeryFilter.CrossSite(http.Request) : ConsoleForgeryFilter.Refusal(http.Request);
            if (refusal is { } reason)
            {
                return ValueTask.FromResult<object?>(Results.Problem(detail: reason.Replace("Console actions", "Admin changes", StringComparison.Ordinal), statusCode: StatusCodes.Status403Forbidden));
            }
        }

        return next(context);
    }
}
