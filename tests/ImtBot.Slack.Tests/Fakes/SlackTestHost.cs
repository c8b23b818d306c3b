using ImtBot.Cards;
using ImtBot.Core.Ports;
using ImtBot.Slack.Hosting;
using ImtBot.Slack.WebApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ImtBot.Slack.Tests.Fakes;

/// <summary>
/// The bot's Slack side as the host wires it (AddSlack + MapSlack) on 127.0.0.1, with the core's ports replaced by test
/// doubles and every Slack call going to a <see cref="FakeSlack"/>.
/// </summary>
public sealed class SlackTestHost : IAsyncDisposable
{
    public const string SigningSecret = SlackSigning.SigningSecret;

    private SlackTestHost(WebApplication app, FakeSlack fake, TestClock clock, RecordingCommandHandler handler, CapturedLogs logs, SlackFollowUps followUps)
    {
        FollowUps = followUps;
        App = app;
        Fake = fake;
        Clock = clock;
        Handler = handler;
        Logs = logs;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public WebApplication App { get; }

    public FakeSlack Fake { get; }

    public TestClock Clock { get; }

    public RecordingCommandHandler Handler { get; }

    public CapturedLogs Logs { get; }

    /// <summary>Signals when the follow-ups (ephemeral replies) of every request so far have run.</summary>
    public SlackFollowUps FollowUps { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => App.Services;

    /// <param name="configure">Runs after the host's own registrations (e.g. to add a leader election).</param>
    public static async Task<SlackTestHost> StartAsync(bool socketMode = false, bool rateLimits = false, string? announcements = "CANNOUNCE", IIncidentReader? reader = null, Action<IServiceCollection>? configure = null)
    {
        var clock = new TestClock();
        var fake = await FakeSlack.StartAsync(clock);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var logs = new CapturedLogs();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = FakeSlack.BotToken,
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:AppToken"] = socketMode ? FakeSlack.AppToken : null,
            ["Slack:ApiBaseUrl"] = fake.ApiBaseUrl.AbsoluteUri,
            ["Slack:AnnouncementsChannel"] = announcements,
        });
        var followUps = new SlackFollowUps();
        builder.Services.AddSingleton<IStartupFilter>(followUps);
        var handler = new RecordingCommandHandler();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<ICommandHandler>(handler);
        builder.Services.AddSingleton<IIncidentCards, FakeCards>();
        if (reader is not null)
        {
            builder.Services.AddSingleton(reader);
        }

        builder.Services.AddSlack(builder.Configuration);
        if (!rateLimits)
        {
            builder.Services.AddSingleton(new SlackRateGate(clock, enabled: false));
        }

        configure?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapSlack();
        await app.StartAsync();
        return new SlackTestHost(app, fake, clock, handler, logs, followUps);
    }

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>POSTs <paramref name="body"/> signed as Slack would sign it at <paramref name="timestamp"/> (default: the fake clock's now).</summary>
    public Task<HttpResponseMessage> PostSignedAsync(string path, string body, string contentType = SlackSigning.Form, long? timestamp = null, string? secret = null, Action<HttpRequestMessage>? tweak = null)
    {
        var request = SlackSigning.Request(path, body, contentType, timestamp ?? Clock.GetUtcNow().ToUnixTimeSeconds(), secret ?? SigningSecret);
        tweak?.Invoke(request);
        return Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
