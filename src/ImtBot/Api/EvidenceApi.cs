using ImtBot.Security;
using ImtBot.Compliance;
using ImtBot.Core.Incidents;
using ImtBot.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ImtBot.Api;

/// <summary><c>GET /api/incidents/{n}/evidence.zip</c>: the incident's evidence bundle (<see cref="EvidenceBundle"/>).</summary>
public static class EvidenceApi
{
    public static IEndpointRouteBuilder MapEvidenceApi(this IEndpointRouteBuilder app)
    {
        // Evidence export is an admin action: the bundle holds every word of the incident.
        app.MapGet("/api/incidents/{number:int}/evidence.zip", Evidence).RequireAuthorization(Policies.Admin);
        return app;
    }

    internal static Results<FileContentHttpResult, ProblemHttpResult> Evidence(int number, IIncidentStore store, AnchorLog anchors, TimeProvider time, ImtBot.Core.Ports.IIncidentReader reader, HttpContext http)
    {
        if (IncidentsApi.Hidden(number, reader, http))
        {
            return IncidentVisibility.Refusal(number);
        }

        var events = store.GetEvents(number);
        if (events.Count == 0)
        {
            return TypedResults.Problem(detail: $"There is no incident {IncidentKey.Format(number)}.", statusCode: StatusCodes.Status404NotFound);
        }

        var zip = EvidenceBundle.Create(events, store.Verify(number), anchors.Read().Anchors, time.GetUtcNow());
        return TypedResults.File(zip, "application/zip", $"{IncidentKey.Format(number)}-evidence.zip");
    }
}
