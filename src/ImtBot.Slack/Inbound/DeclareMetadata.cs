using System.Text.Json;

namespace ImtBot.Slack.Inbound;

/// <summary>
/// What the bot puts in the declare modal's <c>private_metadata</c> (JSON it wrote itself): the channel the command was
/// typed in and a nonce that identifies this modal across redeliveries of its submission.
/// </summary>
public sealed record DeclareMetadata(string? Channel, string? Nonce)
{
    /// <summary>Reads <paramref name="privateMetadata"/>; anything else Slack echoes back is kept as the nonce (when short).</summary>
    public static DeclareMetadata Read(string? privateMetadata)
    {
        if (string.IsNullOrEmpty(privateMetadata))
        {
            return new(null, null);
        }

        try
        {
            using var doc = JsonDocument.Parse(privateMetadata);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? new(Text(doc.RootElement, "channel"), Text(doc.RootElement, "nonce")) : new(null, null);
        }
        catch (JsonException)
        {
            return new(null, privateMetadata.Length <= 255 ? privateMetadata : null);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
