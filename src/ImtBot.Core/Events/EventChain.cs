using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Events;

/// <summary>
/// The canonical JSON form of an event and the SHA-256 chain over it:
/// <c>hash_n = SHA-256(hash_(n-1) ‖ canonical(event_n))</c>, hex lower-case, with a genesis hash of 64 zeros.
/// </summary>
public static class EventChain
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Options for event data: camelCase, fixed (declaration) property order, ISO-8601 UTC, invariant culture.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = CreateOptions();

    public static IncidentEvent Append(string previousHash, int incident, long sequence, DateTimeOffset at, UserRef actor, EventData data)
    {
        var utc = at.ToUniversalTime();
        var canonical = Canonical(incident, sequence, utc, actor, data);
        return new IncidentEvent(incident, sequence, utc, actor, data, previousHash, Hash(previousHash, canonical));
    }

    /// <summary>The canonical JSON text of an event (everything but the hashes).</summary>
    public static string Canonical(int incident, long sequence, DateTimeOffset at, UserRef actor, EventData data)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.Default, Indented = false }))
        {
            w.WriteStartObject();
            w.WriteNumber("incident", incident);
            w.WriteNumber("seq", sequence);
            w.WriteString("at", FormatTime(at));
            w.WriteStartObject("actor");
            w.WriteString("platform", actor.Platform);
            w.WriteString("id", actor.Id);
            w.WriteString("name", actor.DisplayName);
            w.WriteEndObject();
            w.WritePropertyName("data");
            JsonSerializer.Serialize(w, data, JsonOptions);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string Canonical(IncidentEvent e) => Canonical(e.Incident, e.Sequence, e.At, e.Actor, e.Data);

    public static string Hash(string previousHash, string canonical)
    {
        var bytes = Encoding.UTF8.GetBytes(previousHash + canonical);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>ISO-8601 UTC with seven fractional digits, e.g. <c>2026-11-27T09:00:00.0000000Z</c>.</summary>
    public static string FormatTime(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static string SerializeData(EventData data) => JsonSerializer.Serialize(data, JsonOptions);

    public static EventData DeserializeData(string json) =>
        JsonSerializer.Deserialize<EventData>(json, JsonOptions) ?? throw new JsonException("event data is null");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            Encoder = JavaScriptEncoder.Default,
            WriteIndented = false,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new UtcDateTimeOffsetConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(FormatTime(value));
    }
}
