using ImtBot.Security;
using ImtBot.Api.Alerts;
using ImtBot.Api.Dtos;
using ImtBot.Core.Alerts;
using ImtBot.Core.Alerts.Pages;
using Microsoft.Extensions.Options;

namespace ImtBot.Api;

/// <summary>
/// <c>POST /api/alerts/&lt;integration&gt;</c>: monitoring posts alerts here. Anonymous to the sign-in of people: each
/// integration proves itself with its own bearer token (<c>Alerts:Integrations:&lt;name&gt;:Token</c>). The endpoint only
/// translates: it checks the token, reads the body within its size limit and the integration's format, and hands the
/// alerts to <see cref="AlertIntake"/>, which stores each before this answers 200.
/// </summary>
public static class AlertsApi
{
    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/alerts/{integration}", ReceiveAsync).AllowAnonymous().RequireRateLimiting(RateLimits.Webhooks);
        app.MapGet("/api/incidents/{number:int}/alerts", Alerts).RequireAuthorization(Policies.Viewer).AddEndpointFilter<PrivateIncidentFilter>();
        app.MapGet("/api/alert-pages", AlertPages).RequireAuthorization(Policies.Viewer);
        app.MapGet("/api/alert-pages/{key}", AlertPage).RequireAuthorization(Policies.Viewer);
        return app;
    }

    /// <summary>The alerts of one incident (the incident card shows the same).</summary>
    internal static IResult Alerts(int number, ImtBot.Core.Ports.IIncidentReader reader) =>
        reader.Get(number) is { } incident
            ? TypedResults.Ok(new IncidentAlertsDto(incident.Key, incident.FirstAlertAt, incident.Type, incident.Alerts.Select(IncidentAlertDto.From).ToArray()))
            : TypedResults.Problem(detail: $"There is no incident {ImtBot.Core.Incidents.IncidentKey.Format(number)}.", statusCode: 404);

    /// <summary>Every alert page (pages without an incident), newest first.</summary>
    internal static IResult AlertPages(AlertPageService pages, TimeProvider time) =>
        TypedResults.Ok(pages.List().Select(p => AlertPageDto.From(p, time.GetUtcNow())).ToArray());

    /// <summary>One alert page by its key (<c>AP-3</c> or <c>3</c>).</summary>
    internal static IResult AlertPage(string key, AlertPageService pages, TimeProvider time) =>
        (AlertPageKey.TryParse(key, out var n) || int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out n)) && pages.Get(n) is { } page
            ? TypedResults.Ok(AlertPageDto.From(page, time.GetUtcNow()))
            : TypedResults.Problem(detail: $"There is no alert page \"{key}\": name one like AP-3 (GET /api/alert-pages lists them).", statusCode: 404);

    internal static async Task<IResult> ReceiveAsync(
        string integration, HttpRequest request, IOptions<AlertOptions> options, AlertIntake intake, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Integrations.TryGetValue(integration, out var configured))
        {
            return TypedResults.Problem(detail: $"There is no alert integration \"{integration}\": configure Alerts:Integrations:{integration}:Kind and :Token.", statusCode: 404);
        }

        if (!BearerToken.Matches(request, configured.Token))
        {
            // Never the token itself: only that it was missing or wrong, and from where.
            logs.CreateLogger(typeof(AlertsApi)).LogWarning(
                "Alert integration {Integration}: refused a request from {Remote} with a missing or wrong bearer token",
                integration, request.HttpContext.Connection.RemoteIpAddress);
            return TypedResults.Problem(detail: $"Send Authorization: Bearer <the token of Alerts:Integrations:{integration}>.", statusCode: 401);
        }

        var (body, error) = await BoundedJson.ReadObjectAsync(request, settings.MaxBodyBytes, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var (alerts, problem) = AlertPayloads.Read(integration, configured.Kind, body!);
        if (problem is not null)
        {
            return TypedResults.Problem(detail: $"The {configured.Kind} payload is not usable: {problem} Nothing was stored.", statusCode: 400);
        }

        var outcomes = await intake.ReceiveAsync(alerts!, cancellationToken);
        return TypedResults.Ok(new AlertReceiptDto(integration, outcomes.Count, outcomes.Select(AlertOutcomeDto.From).ToArray()));
    }
}
