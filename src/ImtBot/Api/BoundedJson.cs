using System.Text.Json;
using System.Text.Json.Nodes;

namespace ImtBot.Api;

/// <summary>
/// Reads a JSON request body with a size limit that holds on every server (Kestrel or a test server): over the limit
/// → 413, malformed → 400, each with a message; nothing is parsed past the limit. Malformed includes what a lenient
/// parse lets through and a later read trips over (a 500): a key given twice, invalid UTF-8, a lone surrogate — the same
/// rule as the Slack and Teams endpoints.
/// </summary>
internal static class BoundedJson
{
    private static readonly JsonDocumentOptions Strict = new() { MaxDepth = 32, AllowDuplicateProperties = false };

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

        var bytes = buffer.ToArray();
        try
        {
            using (var document = JsonDocument.Parse(bytes, Strict))
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return (null, Problem(400, "The body must be a JSON object."));
                }

                if (Unreadable(document.RootElement, "$") is { } path)
                {
                    return (null, Problem(400, $"The body is not valid JSON: the text at {path} is not valid UTF-8 or holds a lone surrogate (\\ud800 without its pair)."));
                }
            }

            return ((JsonObject)JsonNode.Parse(bytes, documentOptions: Strict)!, null);
        }
        catch (JsonException e)
        {
            return (null, Problem(400, "The body is not valid JSON: " + e.Message));
        }
        catch (InvalidOperationException)
        {
            // The duplicate-key check unescapes every property name, and a name that is not text cannot be.
            return (null, Problem(400, "The body is not valid JSON: a property name is not valid UTF-8 or holds a lone surrogate (\\ud800 without its pair)."));
        }
    }

    /// <summary>The path of the first property name or string that is not text (bad UTF-8, a lone surrogate), or null.</summary>
    private static string? Unreadable(JsonElement element, string path)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    return null;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        string name;
                        try
                        {
                            name = property.Name;
                        }
                        catch (InvalidOperationException)
                        {
                            return path + ".(a property name)";
                        }

                        if (Unreadable(property.Value, path + "." + name) is { } inner)
                        {
                            return inner;
                        }
                    }

                    return null;
                case JsonValueKind.Array:
                    var i = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        if (Unreadable(item, $"{path}[{i++}]") is { } inner)
                        {
                            return inner;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }
        catch (InvalidOperationException)
        {
            return path;
        }
    }

    public static string? String(JsonObject body, string name) =>
        body[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static IResult Problem(int status, string detail) => Results.Problem(detail: detail, statusCode: status);

    private static IResult TooLarge(int maxBytes) => Problem(413, $"The body is larger than {maxBytes / 1024} KB.");
}
