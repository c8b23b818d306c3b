using System.Text.Json;
using System.Text.Json.Nodes;

namespace ImtBot.Api;

/// <summary>
/// Reads a JSON request body with a size limit that holds on every server (Kestrel or a test server): over the limit
/// → 413, malformed → 400, each with a message; nothing is parsed past the limit.
/// </summary>
internal static class BoundedJson
{
    public static async Task<(JsonObject? Body, IResult? Error)> ReadObjectAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, TooLarge(maxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            var node = JsonNode.Parse(buffer.ToArray(), documentOptions: new JsonDocumentOptions { MaxDepth = 32 });
            return node is JsonObject o ? (o, null) : (null, Problem(400, "The body must be a JSON object."));
        }
        catch (JsonException e)
        {
            return (null, Problem(400, "The body is not valid JSON: " + e.Message));
        }
    }

    public static string? String(JsonObject body, string name) =>
        body[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static IResult Problem(int status, string detail) => Results.Problem(detail: detail, statusCode: status);

    private static IResult TooLarge(int maxBytes) => Problem(413, $"The body is larger than {maxBytes / 1024} KB.");
}
