using System.Text.Json.Nodes;

namespace ImtBot.Teams.Testing;

/// <summary>One request the fake received: method, URL (escaped form in <see cref="RawUrl"/>), body and Authorization header.</summary>
public sealed record RecordedRequest(HttpMethod Method, string Url, string RawUrl, string Body, string? Authorization)
{
    public JsonNode Json => JsonNode.Parse(Body)!;
}
