using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace ImtBot.ConsoleChat;

/// <summary>
/// The console page and its assets, embedded in the assembly and served as endpoints (not static-file middleware), so
/// they pass through the same authorization as every other endpoint.
/// </summary>
public static class ConsolePage
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static RouteGroupBuilder MapConsolePage(this IEndpointRouteBuilder app)
    {
        var files = new EmbeddedFileProvider(typeof(ConsolePage).Assembly, "ImtBot.wwwroot");
        var page = app.MapGroup("");
        page.MapGet("/", () => Serve(files, "index.html"));
        page.MapGet("/{file}", (string file) => Serve(files, file));
        page.MapGet("/lib/{file}", (string file) => Serve(files, "lib/" + file));
        return page;
    }

    private static IResult Serve(IFileProvider files, string path)
    {
        var file = files.GetFileInfo(path);
        if (!file.Exists || !ContentTypes.TryGetContentType(path, out var contentType))
        {
            return Results.NotFound();
        }

        return Results.Stream(file.CreateReadStream(), contentType, lastModified: file.LastModified);
    }
}
