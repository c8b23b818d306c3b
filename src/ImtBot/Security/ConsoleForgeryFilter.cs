namespace ImtBot.Security;

/// <summary>
/// Anti-forgery for the console's actions (type, click, mark read): another site must not make a visitor's browser act
/// in the console. A JSON body is required (a cross-site form or no-cors fetch cannot send one without a CORS preflight,
/// which this host never grants), and a browser's own <c>Origin</c> and <c>Sec-Fetch-Site</c> must say same-origin.
/// This covers the local demo too, where there is no cookie to protect but any page could post to localhost.
/// </summary>
public sealed class ConsoleForgeryFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (Refusal(request) is { } reason)
        {
            return ValueTask.FromResult<object?>(Results.Problem(detail: reason, statusCode: StatusCodes.Status403Forbidden));
        }

        return next(context);
    }

    internal static string? Refusal(HttpRequest request)
    {
        if (request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return "Console actions take a JSON body (Content-Type: application/json).";
        }

        return CrossSite(request);
    }

    /// <summary>Why a request whose browser says it came from another site is refused; null when it did not.</summary>
    internal static string? CrossSite(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none"))
        {
            return "Console actions are accepted from the console's own page only.";
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase))
        {
            return "Console actions are accepted from the console's own page only.";
        }

        return null;
    }
}
