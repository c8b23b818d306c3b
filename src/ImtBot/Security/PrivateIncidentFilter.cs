using ImtBot.Core.Ports;

namespace ImtBot.Security;

/// <summary>
/// Refuses (403) an <c>/api/incidents/{number}/…</c> read of a private incident the caller does not take part in, for
/// the endpoints that add to an incident's pages (alerts, after-action report) without owning its visibility rule.
/// </summary>
public sealed class PrivateIncidentFilter(IIncidentReader reader) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Request.RouteValues.TryGetValue("number", out var raw)
            && int.TryParse(raw?.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            && reader.Get(number) is { } incident
            && !IncidentVisibility.CanSee(http.User, http.Request, incident))
        {
            return IncidentVisibility.Refusal(number);
        }

        return await next(context);
    }
}
