using ImtBot.Security;
using ImtBot.Core.Drills;
using ImtBot.Core.Incidents;
using ImtBot.Api.Dtos;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ImtBot.Api;

/// <summary>Drills over HTTP: a drill's after-action report as Markdown, training records, and the drills with their scores.</summary>
public static class DrillsApi
{
    public static IEndpointRouteBuilder MapDrillsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/incidents/{number:int}/aar.md", AfterAction).RequireAuthorization(Policies.Viewer).AddEndpointFilter<PrivateIncidentFilter>();
        app.MapGet("/api/training", Training).RequireAuthorization(Policies.Viewer);
        app.MapGet("/api/drills", Drills).RequireAuthorization(Policies.Viewer);
        return app;
    }

    /// <summary>Every role held in drills and incidents (of one person with <c>?user=id</c>), and who on call is due to practise.</summary>
    internal static Ok<TrainingDto> Training(IncidentService service, string? user, string? platform)
    {
        var entries = service.TrainingEntries().Where(e => user is null || e.Person.Id == user).ToArray();
        var due = service.PracticeDue(platform ?? PlatformNames.Console, service.TrainingEntries()).Where(d => user is null || d.Person.Id == user);
        return TypedResults.Ok(new TrainingDto(
            entries.Select(e => new TrainingEntryDto(UserDto.From(e.Person), e.Role, e.Incident, e.IsDrill, e.Scenario, e.From, e.To)).ToArray(),
            due.Select(d => new PracticeDueDto(UserDto.From(d.Person), d.Role, d.LastPractised)).ToArray(),
            service.Drills.PracticeEvery.TotalDays));
    }

    /// <summary>Every scripted drill with its score, grouped by scenario in date order (the score trend per scenario).</summary>
    internal static Ok<DrillTrendDto[]> Drills(IIncidentQueries store, IIncidentReader reader, TimeProvider time)
    {
        var runs = store.ListIncidents(openOnly: false).Select(i => reader.Get(i.Number)).OfType<Incident>().Where(i => i.Drill is not null)
            .Select(i => (Incident: i, Score: DrillScore.Of(i.Drill!, time.GetUtcNow(), ended: false)))
            .OrderBy(r => r.Incident.Drill!.StartedAt)
            .ToList();
        return TypedResults.Ok(runs.GroupBy(r => r.Incident.Drill!.Scenario.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DrillTrendDto(g.Key, g.Last().Incident.Drill!.Scenario.Title, g.Select(r => new DrillRunDto(
                r.Incident.Key, r.Incident.Drill!.StartedAt, r.Incident.Drill.EndedAt, r.Score.Percent, r.Score.Points, r.Score.MaxPoints,
                UserDto.From(r.Incident.Drill.Facilitator))).ToArray()))
            .ToArray());
    }

    internal static Results<ContentHttpResult, ProblemHttpResult> AfterAction(int number, IIncidentReader reader, TimeProvider time)
    {
        if (reader.Get(number) is not { } incident)
        {
            return TypedResults.Problem(detail: $"There is no incident {IncidentKey.Format(number)}.", statusCode: StatusCodes.Status404NotFound);
        }

        return AfterActionReport.ToMarkdown(incident, time.GetUtcNow()) is { } markdown
            ? TypedResults.Text(markdown, "text/markdown; charset=utf-8")
            : TypedResults.Problem(
                detail: $"{incident.Key} ran no drill scenario, so it has no after-action report; its review is at /api/incidents/{number}/review.md.",
                statusCode: StatusCodes.Status404NotFound);
    }
}
