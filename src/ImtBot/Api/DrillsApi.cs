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

    /// <summary>
    /// Every role held in drills and incidents (of one person with <c>?user=id</c>), and who on call is due to practise.
    /// A private incident the caller does not take part in adds nothing: not its roles, and not to who is due (a practice
    /// date would say someone held a role in it), exactly as its timeline is refused.
    /// </summary>
    internal static Ok<TrainingDto> Training(IncidentService service, string? user, string? platform, HttpContext http)
    {
        var visible = service.TrainingEntries().Where(e => Visible(e.Incident, service, http)).ToArray();
        var entries = visible.Where(e => user is null || e.Person.Id == user).ToArray();
        var due = service.PracticeDue(platform ?? PlatformNames.Console, visible).Where(d => user is null || d.Person.Id == user);
        return TypedResults.Ok(new TrainingDto(
            entries.Select(e => new TrainingEntryDto(UserDto.From(e.Person), e.Role, e.Incident, e.IsDrill, e.Scenario, e.From, e.To)).ToArray(),
            due.Select(d => new PracticeDueDto(UserDto.From(d.Person), d.Role, d.LastPractised)).ToArray(),
            service.Drills.PracticeEvery.TotalDays));
    }

    /// <summary>
    /// Every scripted drill with its score, grouped by scenario in date order (the score trend per scenario); a private
    /// one the caller does not take part in is left out (its number and severity are in the incidents list).
    /// </summary>
    internal static Ok<DrillTrendDto[]> Drills(IIncidentQueries store, IIncidentReader reader, TimeProvider time, HttpContext http)
    {
        var runs = store.ListIncidents(openOnly: false).Select(i => reader.Get(i.Number)).OfType<Incident>()
            .Where(i => i.Drill is not null && IncidentVisibility.CanSee(http.User, http.Request, i))
            .Select(i => (Incident: i, Score: DrillScore.Of(i.Drill!, time.GetUtcNow(), ended: false)))
            .OrderBy(r => r.Incident.Drill!.StartedAt)
            .ToList();
        return TypedResults.Ok(runs.GroupBy(r => r.Incident.Drill!.Scenario.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DrillTrendDto(g.Key, g.Last().Incident.Drill!.Scenario.Title, g.Select(r => new DrillRunDto(
                r.Incident.Key, r.Incident.Drill!.StartedAt, r.Incident.Drill.EndedAt, r.Score.Percent, r.Score.Points, r.Score.MaxPoints,
                UserDto.From(r.Incident.Drill.Facilitator))).ToArray()))
            .ToArray());
    }

    /// <summary>Whether the incident a training entry names (<c>INC-7</c>) may be seen by the caller.</summary>
    private static bool Visible(string key, IIncidentReader reader, HttpContext http) =>
        !IncidentKey.TryParse(key, out var number) || reader.Get(number) is not { } incident || IncidentVisibility.CanSee(http.User, http.Request, incident);

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
