using System.Text.Json.Nodes;
using ImtBot.Slack.Testing;
using ImtBot.Slack.WebApi;
using ImtBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ImtBot.Tests.Slack;

/// <summary>
/// The real host with Slack configured against a <see cref="FakeSlack"/> on loopback (Web API, and the Socket Mode
/// socket when <c>socketMode</c>), and a way to deliver what Slack sends — signed HTTP requests or socket envelopes.
/// </summary>
public sealed class SlackHarness : IAsyncDisposable
{
    public const string General = "CGENERAL";
    public const string Announcements = "CANNOUNCE";

    private SlackHarness(TestHost host, FakeSlack fake, SlackHttpDelivery http, ISlackDelivery deliver, SlackFollowUps followUps)
    {
        Host = host;
        Fake = fake;
        Http = http;
        Deliver = deliver;
        FollowUps = followUps;
    }

    public TestHost Host { get; }

    public FakeSlack Fake { get; }

    /// <summary>Signed requests to the HTTP-mode request URLs (they answer in Socket Mode too).</summary>
    public SlackHttpDelivery Http { get; }

    /// <summary>How this run delivers: <see cref="Http"/>, or envelopes on the bot's Socket Mode connection.</summary>
    public ISlackDelivery Deliver { get; }

    public SlackFollowUps FollowUps { get; }

    /// <param name="more">Extra host settings as <c>Section:Key=value</c>.</param>
    public static Task<SlackHarness> StartAsync(bool socketMode = false, params string[] more) => StartAsync(socketMode, pacing: false, more);

    /// <param name="pacing">
    /// Slack's pacing (1 message/s per channel, the tier limits) on, with outbox steps never waiting for their turn in
    /// place: they come back when it comes, on the injected clock. Off, a wait in place would stall a drain, since the
    /// clock moves only when a test says so.
    /// </param>
    /// <param name="more">Extra host settings as <c>Section:Key=value</c>.</param>
    public static async Task<SlackHarness> StartAsync(bool socketMode, bool pacing, params string[] more)
    {
        var clock = new FakeTimeProvider(TestHost.Epoch);
        var fake = await FakeSlack.StartAsync(clock);
        fake.AddChannel("general", id: General);
        fake.AddChannel("incidents", id: Announcements);
        var followUps = new SlackFollowUps();
        string[] settings =
        [
            "Slack:BotToken=" + FakeSlack.BotToken,
            "Slack:SigningSecret=" + SlackSigning.SigningSecret,
            "Slack:ApiBaseUrl=" + fake.ApiBaseUrl.AbsoluteUri,
            "Slack:AnnouncementsChannel=" + Announcements,
            .. socketMode ? ["Slack:AppToken=" + FakeSlack.AppToken] : Array.Empty<string>(),
            .. more,
        ];
        var host = await TestHost.StartAsync(
            builder =>
            {
                builder.Services.AddSingleton<IStartupFilter>(followUps);

                builder.Services.AddSingleton(new SlackRateGate(clock, enabled: pacing, patience: TimeSpan.Zero));
            },
            clock: clock,
            settings: settings);
        var http = new SlackHttpDelivery(host.Http, clock);
        ISlackDelivery deliver = socketMode ? new SlackSocketDelivery(await fake.NextSocketAsync()) : http;
        return new SlackHarness(host, fake, http, deliver, followUps);
    }

    /// <summary>The one channel the bot created for incidents (fails if there is none or more than one).</summary>
    public FakeChannel IncidentChannel => Assert.Single(Fake.Channels.Values, c => c.Name.StartsWith("inc-", StringComparison.Ordinal));

    /// <summary><c>chat.postMessage</c> calls into <paramref name="channel"/>, optionally only those posting a <paramref name="target"/> (the step metadata: card, announce, page, review…).</summary>
    public IReadOnlyList<FakeCall> Posts(string channel, string? target = null) =>
        Fake.CallsTo("chat.postMessage").Where(c => c.Arg("channel") == channel && (target is null || Target(c) == target)).ToList();

    public static string? Target(FakeCall call) => call.Args["metadata"]?["event_payload"]?["target"]?.GetValue<string>();

    /// <summary>Every string value in a call's arguments (texts and blocks), as Slack will read them (JSON escapes undone).</summary>
    public static List<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => [.. o.SelectMany(p => Strings(p.Value))],
        JsonArray a => [.. a.SelectMany(Strings)],
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    /// <summary>
    /// The strings Slack parses for mentions: everything but <c>plain_text</c> objects, which Slack shows literally (so
    /// they carry user text as typed; escaping them would show <c>&amp;lt;</c>) and the step metadata.
    /// </summary>
    public static List<string> Parsed(JsonNode? node) => node switch
    {
        JsonObject o when (string?)o["type"] == "plain_text" => [],
        JsonObject o => [.. o.Where(p => p.Key != "metadata").SelectMany(p => Parsed(p.Value))],
        JsonArray a => [.. a.SelectMany(Parsed)],
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    /// <summary>The <c>plain_text</c> strings of a message (header, button labels).</summary>
    public static List<string> PlainTexts(JsonNode? node) => node switch
    {
        JsonObject o when (string?)o["type"] == "plain_text" => [(string?)o["text"] ?? ""],
        JsonObject o => [.. o.SelectMany(p => PlainTexts(p.Value))],
        JsonArray a => [.. a.SelectMany(PlainTexts)],
        _ => [],
    };

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
