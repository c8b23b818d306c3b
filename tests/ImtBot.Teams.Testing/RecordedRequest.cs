using System.Text.Json.Nodes;

namespace ImtBot.Teams.Testing;

/// <summary>One request the fake received: method, URL (escaped form in <see cref="RawUrl"/>), body, Authorization header, and the answer.</summary>
public sealed record RecordedRequest(HttpMethod Method, string Url, string RawUrl, string Body, string? Authorization)
{
    public JsonNode Json => JsonNode.Parse(Body)!;

    /// <summary>When the fake received it, on <see cref="TeamsServiceRules.Time"/>.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>The status the fake answered with, once it has answered.</summary>
    public System.Net.HttpStatusCode? Status { get; internal set; }

    /// <summary>What the fake answered (the body text), once it has answered.</summary>
    public string? ResponseBody { get; internal set; }

    /// <summary>The answer as JSON (e.g. the <c>id</c> the fake Connector gave a new activity).</summary>
    public JsonNode ResponseJson => JsonNode.Parse(ResponseBody ?? "null")!;
}
