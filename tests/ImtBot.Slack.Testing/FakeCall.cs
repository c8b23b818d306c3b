using System.Text.Json.Nodes;

namespace ImtBot.Slack.Testing;

/// <summary>One Web API call as the fake received it: the method, its arguments (form, query or JSON), and when (fake clock).</summary>
public sealed record FakeCall(string Method, JsonObject Args, DateTimeOffset At, string? Authorization, string ContentType)
{
    public string? Arg(string name) => Args[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : Args[name]?.ToJsonString();
}
