using ImtBot.Api.Dtos;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Ports;
using ImtBot.Core.Reviews;
using ImtBot.Security;
using ImtBot.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ImtBot.Api;

/// <summary>The incidents as JSON (and the review as Markdown): list, one, timeline, review, audit.</summary>
public static class IncidentsApi
{
    public static IEndpointRouteBuilder MapIncidentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/incidents").RequireAuthorization(Policies.Viewer);
        api.MapGet("/", List);
        api.MapGet("/{number:int}", Get);
        api.MapGet("/{number:int}/timeline", Timeline);
        api.MapGet("/{number:int}/review.md", Review);
        api.MapGet("/{number:int}/audit", Audit);
        return app;
    }

    internal static Ok<IncidentSummaryDto[]> List(IIncidentQueries store, bool? open, IIncidentReader reader, HttpContext http) =>
        TypedResults.Ok(store.ListIncidents(open ?? false).OrderByDescending(i => i.Number)
            .Select(s => Hidden(s.Number, reader, http) ? PrivateIncidentRow.From(s) : IncidentSummaryDto.From(s)).ToArray());

    internal static Results<Ok<IncidentDto>, ProblemHttpResult> Get(int number, IIncidentReader reader, HttpContext http) =>
        reader.Get(number) is { } incident
            ? IncidentVisibility.CanSee(http.User, http.Request, incident) ? TypedResults.Ok(IncidentDto.From(incident)) : IncidentVisibility.Refusal(number)
            : NotFound(number);

    internal static Results<Ok<TimelineEventDto[]>, ProblemHttpResult> Timeline(int number, IIncidentQueries store, IIncidentReader reader, HttpContext http)
    {
        if (Hidden(number, reader, http))
        {
            return IncidentVisibility.Refusal(number);
        }

        if (Events(store, number) is not { } events)
        {
            return NotFound(number);
        }

        // Each event with the sentence the review's timeline uses for it.
        var words = ReviewModel.From(events).Timeline.ToDictionary(t => t.Sequence, t => t.Text);
        return TypedResults.Ok(events.Select(e => TimelineEventDto.From(e, words.GetValueOrDefault(e.Sequence))).ToArray());
    }

    /// <remarks>Written from the incident as folded and cached per version (once per version), not from its whole log read and replayed per request.</remarks>
    internal static Results<ContentHttpResult, ProblemHttpResult> Review(int number, IIncidentReader reader, HttpContext http) =>
        reader.Get(number) is not { } incident ? NotFound(number)
        : !IncidentVisibility.CanSee(http.User, http.Request, incident) ? IncidentVisibility.Refusal(number)
        : TypedResults.Text(ReviewDocument.Markdown(incident), "text/markdown; charset=utf-8");

    /// <summary>
    /// The same check as <c>imtbot verify</c> and the start-up check behind <c>/readyz</c>: the chain recomputed from the
    /// stored events, and its end against the snapshot's version and head (so a deleted last event is caught too).
    /// </summary>
    internal static Results<Ok<ChainAuditDto>, ProblemHttpResult> Audit(int number, IIncidentStore store, IIncidentReader reader, HttpContext http) =>
        Hidden(number, reader, http) ? IncidentVisibility.Refusal(number)
        : store.FindIncident(number) is null && Events(store, number) is null
            ? NotFound(number)
            : TypedResults.Ok(ChainAuditDto.From(store.Verify(number)));

    /// <summary>A private incident the caller does not take part in (an unknown number is not hidden: it is 404).</summary>
    internal static bool Hidden(int number, IIncidentReader reader, HttpContext http) =>
        reader.Get(number) is { } incident && !IncidentVisibility.CanSee(http.User, http.Request, incident);

    private static IReadOnlyList<IncidentEvent>? Events(IIncidentQueries store, int number)
    {
        var events = store.GetEvents(number);
        return events.Count == 0 ? null : events;
    }

    /// <summary>404 as RFC 9457 problem details (<c>application/problem+json</c>), like every other API error.</summary>
    private static ProblemHttpResult NotFound(int number) =>
        TypedResults.Problem(detail: $"There is no incident {IncidentKey.Format(number)}.", statusCode: StatusCodes.Status404NotFound);
}
