using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ImtBot.Core.Ports;
using ImtBot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ImtBot.Bench;

/// <summary>
/// The real ImtBot host (<see cref="ImtBotApp.Build"/>, every service and endpoint) on a loopback port of its own, over a
/// database in a temporary folder, and a client for its HTTP API: what the big-incident benchmark measures through.
/// </summary>
internal sealed class HostUnderTest : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HostUnderTest(WebApplication app, HttpClient http)
    {
        _app = app;
        Http = http;
    }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<HostUnderTest> StartAsync(string databasePath)
    {
        var app = ImtBotApp.Build([.. SettingsFor(databasePath).Select(s => "--" + s)]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HostUnderTest(app, new HttpClient { BaseAddress = new Uri(address) });
    }

    /// <summary>The settings the benchmarks run the host with (also given to a child process): loopback, quiet, no rate limit in the way.</summary>
    public static string[] SettingsFor(string databasePath) =>
    [
        "urls=http://127.0.0.1:0",
        $"Storage:Path={databasePath}",
        "RateLimits:ConsolePerMinute=100000",
        "Logging:LogLevel:Default=Warning",
        "Logging:LogLevel:ImtBot.Hosting.StartupLog=Information",
    ];

    /// <summary>Types <paramref name="text"/> in the console as <paramref name="user"/>; throws unless the command was accepted.</summary>
    public async Task<JsonObject> TypeAsync(string text, string channel = "general", string user = "alice")
    {
        using var response = await Http.PostAsJsonAsync("/api/console/messages", new { user, channel, text });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /api/console/messages \"{text}\": {(int)response.StatusCode} {body}");
        }

        var reply = JsonNode.Parse(body)!["replies"]![0]!.AsObject();
        if (reply["accepted"]?.GetValue<bool>() != true)
        {
            throw new InvalidOperationException($"\"{text}\" was refused: {reply["text"]}");
        }

        return reply;
    }

    /// <summary>Waits until the effect dispatcher has nothing due: every effect of the commands so far has run.</summary>
    public async Task SettleAsync(TimeSpan timeout)
    {
        var outbox = Services.GetRequiredService<IOutbox>();
        var until = DateTime.UtcNow + timeout;
        while (outbox.NextDueAt() is { } due && due < DateTimeOffset.UtcNow.AddMinutes(1) || outbox.GetSteps(OutboxStatus.InFlight).Count > 0)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"the dispatcher still had steps due after {timeout.TotalSeconds:F0} s");
            }

            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
