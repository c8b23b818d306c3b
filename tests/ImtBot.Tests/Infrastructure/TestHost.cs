using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ImtBot.Core.Ports;
using ImtBot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ImtBot.Tests.Infrastructure;

/// <summary>
/// The real host (Kestrel on a random loopback port, the real LiteDB file, the real dispatcher) on a fake clock.
/// Several hosts can be started one after another on the same database to test restarts.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestHost(WebApplication app, FakeTimeProvider clock, string databasePath)
    {
        _app = app;
        Clock = clock;
        DatabasePath = databasePath;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1"));
        Http = new HttpClient { BaseAddress = BaseAddress };
    }

    public static DateTimeOffset Epoch { get; } = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; }

    public string DatabasePath { get; }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="settings">Extra configuration as <c>Section:Key=value</c>. The background dispatcher is off unless
    /// <c>Dispatcher:Enabled=true</c> is given: tests run the outbox with <see cref="DrainOutboxAsync"/>.</param>
    public static Task<TestHost> StartAsync(string? databasePath = null, FakeTimeProvider? clock = null, params string[] settings) =>
        StartAsync(configure: null, databasePath, clock, settings);

    /// <param name="configure">Runs after the host's own registrations (e.g. to swap an HTTP client's primary handler for a fake).</param>
    public static async Task<TestHost> StartAsync(Action<WebApplicationBuilder>? configure, string? databasePath = null, FakeTimeProvider? clock = null, params string[] settings)
    {
        databasePath ??= Path.Combine(Path.GetTempPath(), "imtbot-tests", Guid.NewGuid().ToString("N"), "imtbot.db");
        clock ??= new FakeTimeProvider(Epoch);
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            "--environment=Test",
            $"--Storage:Path={databasePath}",
            "--Console:Enabled=true",
            "--Logging:LogLevel:Default=Warning",
            "--Dispatcher:Enabled=false",
            // The host-level schedules are off unless a test turns them on: a digest or a practice reminder appearing
            // when a test moves the clock past Monday morning would change what other tests count.
            "--Learning:DigestAt=",
            "--Drills:PracticeReminderAt=",
            .. settings.Select(s => "--" + s),
        ];
        var app = ImtBotApp.Build(args, builder =>
        {
            builder.Services.RemoveAll<TimeProvider>();
            builder.Services.AddSingleton<TimeProvider>(clock);
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        return new TestHost(app, clock, databasePath);
    }

    /// <summary>Starts the host with the console platform wrapped, e.g. to make one effect fail or wait.</summary>
    public static Task<TestHost> StartWithConsolePlatformAsync(Func<IChatPlatform, IChatPlatform> wrap, params string[] settings) =>
        StartAsync(
            builder =>
            {
                builder.Services.RemoveAll<IChatPlatform>();
                builder.Services.AddSingleton<ImtBot.ConsoleChat.ConsolePlatform>();
                builder.Services.AddSingleton(sp => wrap(sp.GetRequiredService<ImtBot.ConsoleChat.ConsolePlatform>()));
            },
            settings: settings);

    /// <summary>Types as a console user; returns the first reply's text (and whether it was accepted).</summary>
    public async Task<(bool Accepted, string Text, int? Incident)> SayAsync(string user, string channel, string text)
    {
        var response = await Http.PostAsJsonAsync("/api/console/messages", new { user, channel, text });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        var reply = body!["replies"]!.AsArray().Single()!;
        return ((bool)reply["accepted"]!, (string)reply["text"]!, (int?)reply["incident"]);
    }

    public async Task<JsonObject> GetJsonAsync(string path) => (await Http.GetFromJsonAsync<JsonObject>(path))!;

    public async Task<JsonArray> GetArrayAsync(string path) => (await Http.GetFromJsonAsync<JsonArray>(path))!;

    /// <summary>Console messages visible to a user in a channel.</summary>
    public Task<JsonArray> MessagesAsync(string channel, string user = "alice") => GetArrayAsync($"/api/console/channels/{channel}/messages?user={user}");

    /// <summary>Runs due outbox steps until none is due (the dispatcher also runs in the background; this makes tests deterministic).</summary>
    public async Task DrainOutboxAsync()
    {
        var dispatcher = _app.Services.GetRequiredService<ImtBot.Dispatch.EffectDispatcher>();
        for (var round = 0; round < 50 && await dispatcher.RunDueStepsAsync(CancellationToken.None) > 0; round++)
        {
        }
    }

    /// <summary>Commits the scheduled runs that are due (the digest, the practice reminder), as the background schedule would.</summary>
    public Task<int> RunSchedulesAsync() => _app.Services.GetRequiredService<ImtBot.Schedules.ScheduleRunner>().RunDueAsync(CancellationToken.None);

    /// <summary>Moves the fake clock and runs whatever became due.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await DrainOutboxAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();

        // Disposing may wait on the host's clock: Polly's HTTP resilience pipelines, when a call is still in flight
        // (a reply a test did not wait for), poll with Task.Delay on the TimeProvider until it ends — on a fake clock
        // that never came, and the test hung (1 run in ~15). The host is stopped, so moving the clock fires nothing of
        // ours; it is moved only while disposing takes longer than a moment, so a normal dispose leaves it untouched.
        var disposing = _app.DisposeAsync().AsTask();
        while (await Task.WhenAny(disposing, Task.Delay(TimeSpan.FromMilliseconds(200))) != disposing)
        {
            Clock.Advance(TimeSpan.FromSeconds(5));
        }

        await disposing;
    }
}
