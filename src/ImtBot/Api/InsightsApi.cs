using System.Globalization;
using ImtBot.Api.Dtos;
using ImtBot.ConsoleChat;
using ImtBot.Core.Incidents;
using ImtBot.Core.Insights;
using ImtBot.Drills;
using ImtBot.Core.Ports;
using ImtBot.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace ImtBot.Api;

/// <summary>
/// <c>/api/insights</c> (the numbers, as JSON) and the <c>/insights</c> page that charts them. Viewer-level, like every
/// read of the web surface. The page and its scripts are embedded and served as endpoints, like the console page, so
/// they pass the same authorization; Chart.js is embedded from npm, never fetched from a CDN.
/// </summary>
public static class InsightsApi
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static IEndpointRouteBuilder MapInsightsApi(this IEndpointRouteBuilder app)
    {
        var files = new EmbeddedFileProvider(typeof(ConsolePage).Assembly, "ImtBot.wwwroot");
        var group = app.MapGroup("").RequireAuthorization(Policies.Viewer);
        group.MapGet("/api/insights", Get);
        group.MapGet("/insights", () => Serve(files, "insights.html"));
        group.MapGet("/insights/insights.js", () => Serve(files, "insights.js"));
        group.MapGet("/insights/insights.css", () => Serve(files, "insights.css"));
        group.MapGet("/insights/chart.umd.min.js", () => Serve(files, "lib/chart.umd.min.js"));
        return app;
    }

    /// <summary>The last <c>weeks</c> weeks (default 12, at most 104), computed from every incident now, and the drill scores per team.</summary>
    internal static Results<Ok<InsightsDto>, ProblemHttpResult> Get(IncidentService incidents, IOptions<DrillsOptions> drills, TimeProvider time, int? weeks)
    {
        var span = weeks ?? Insights.DefaultWeeks;
        if (span is < 1 or > Insights.MaxWeeks)
        {
            return TypedResults.Problem(
                detail: string.Create(CultureInfo.InvariantCulture, $"weeks must be between 1 and {Insights.MaxWeeks} (for example ?weeks=12); it was {span}."),
                statusCode: StatusCodes.Status400BadRequest);
        }

        // The folds are kept per incident version: only incidents changed since the last request are replayed.
        return TypedResults.Ok(InsightsDto.From(Insights.Compute(incidents.AllIncidents(), time.GetUtcNow(), span, drills.Value.TeamMembers())));
    }

    private static IResult Serve(IFileProvider files, string path)
    {
        var file = files.GetFileInfo(path);
        return file.Exists && ContentTypes.TryGetContentType(path, out var contentType)
            ? Results.Stream(file.CreateReadStream(), contentType, lastModified: file.LastModified)
            : Results.NotFound();
    }
}
