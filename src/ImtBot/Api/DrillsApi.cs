using ImtBot.Security;
using ImtBot.Core.Drills;
using ImtBot.Core.Incidents;
using ImtBot.Api.Dtos;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ImtBot.Core.Insights;
using ImtBot.Drills;

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
    /// Every scripted drill with its score, grouped by scenario in date order (the score trend per scenario), or with
    /// <c>?by=team</c> per team of <c>Drills:Teams</c> (a drill counts for a team when a member held a role in it). A private
    /// drill the caller does not take part in is left out (its number and severity are in the incidents list).
    /// </summary>
    internal static Results<Ok<DrillTrendDto[]>, Ok<TeamTrendDto[]>, ProblemHttpResult> Drills(
        IncidentService service, IOptions<DrillsOptions> options, TimeProvider time, string? by, HttpContext http)
    {
        var runs = service.AllIncidents().Where(i => i.Drill is not null && IncidentVisibility.CanSee(http.User, http.Request, i))
            .Select(i => (Incident: i, Score: DrillScore.Of(i.Drill!, time.GetUtcNow(), ended: false)))
            .OrderBy(r => r.Incident.Drill!.StartedAt)
            .ToList();
        switch (by?.ToLowerInvariant())
        {
            case null or "" or "scenario":
                return TypedResults.Ok(runs.GroupBy(r => r.Incident.Drill!.Scenario.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new DrillTrendDto(g.Key, g.Last().Incident.Drill!.Scenario.Title, g.Select(r => Run(r.Incident, r.Score)).ToArray()))
                    .ToArray());
            case "team":
                return TypedResults.Ok(options.Value.TeamMembers().OrderBy(t => t.Key, StringComparer.Ordinal)
                    .Select(t => new TeamTrendDto(t.Key, [.. t.Value.Order(StringComparer.Ordinal)], runs
                        .Where(r => DrillTeams.Members(r.Incident).Any(t.Value.Contains))
                        .Select(r => Run(r.Incident, r.Score)).ToArray()))
                    .ToArray());
            default:
                return TypedResults.Problem(
                    detail: $"by must be scenario or team (for example /api/drills?by=team); it was \"{by}\".", statusCode: StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>Whether the incident a training entry names (<c>INC-7</c>) may be seen by the caller.</summary>
    private static bool Visible(string key, IIncidentReader reader, HttpContext http) =>
        !IncidentKey.TryParse(key, out var number) || reader.Get(number) is not { } incident || IncidentVisibility.CanSee(http.User, http.Request, incident);

    private static DrillRunDto Run(Incident incident, DrillScore score) => new(
        incident.Key, incident.Drill!.StartedAt, incident.Drill.EndedAt, score.Percent, score.Points, score.MaxPoints, UserDto.From(incident.Drill.Facilitator))
    {
        Scenario = incident.Drill.Scenario.Id,
    };

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
