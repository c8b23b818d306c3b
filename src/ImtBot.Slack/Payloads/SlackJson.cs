using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImtBot.Slack.Payloads;

/// <summary>
/// Reads what Slack sends into the payload records: snake_case names, <c>required</c> members and non-nullable
/// annotations enforced, bounded depth. Every failure to read is a <see cref="SlackPayloadException"/> (the request is
/// malformed: 400, never retried usefully), so that any other exception is a fault of ours (500: Slack delivers again).
/// </summary>
public static class SlackJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        RespectNullableAnnotations = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = 64,
    };

    /// <summary>Reads <paramref name="json"/> (UTF-8) as <typeparamref name="T"/>; <paramref name="what"/> names it in the error.</summary>
    public static T Read<T>(ReadOnlySpan<byte> json, string what) where T : notnull
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options) ?? throw Null<T>(what);
        }
        catch (JsonException e)
        {
            throw Malformed<T>(what, e);
        }
    }

    public static T Read<T>(string json, string what) where T : notnull
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options) ?? throw Null<T>(what);
        }
        catch (JsonException e)
        {
            throw Malformed<T>(what, e);
        }
    }

    public static T Read<T>(JsonElement json, string what) where T : notnull
    {
        try
        {
            return json.Deserialize<T>(Options) ?? throw Null<T>(what);
        }
        catch (JsonException e)
        {
            throw Malformed<T>(what, e);
        }
    }

    /// <summary><paramref name="value"/> as Slack would write it (the same options, so a read-write round trip is stable).</summary>
    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    private static SlackPayloadException Null<T>(string what) => new($"The {what} is null where a {typeof(T).Name} was expected.");

    private static SlackPayloadException Malformed<T>(string what, JsonException e) =>
        new($"The {what} does not read as a {typeof(T).Name} (at {e.Path ?? "$"}).", e);
}
