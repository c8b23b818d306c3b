using ImtBot.Core.Ports;
using ImtBot.Slack.Testing;
using ImtBot.Tests.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace ImtBot.Tests.Dispatch;

/// <summary>
/// Issue 23 §3: duplicates after ambiguity (docs/reliability.md §Outbox). A post that may have landed is found again
/// by its metadata however many messages came after it, and a card refresh never posts a second card beside one a
/// killed process posted and had not yet recorded.
/// </summary>
public sealed class AmbiguousPostTests
{
    [Fact]
    public async Task AnnouncementAppliedButAnswerLost_129MessagesLater_RetryFindsItAndPostsNoSecond()
    {
        await using var slack = await SlackHarness.StartAsync();
        var (host, fake) = (slack.Host, slack.Fake);
        fake.FailIn("chat.postMessage", SlackHarness.Announcements, FakeFault.AbortAfterApply());

        await slack.Deliver.CommandAsync(SlackPayloads.Command("declare Checkout failing sev1", trigger: "3a.1", channel: SlackHarness.General));
        await host.DrainOutboxAsync();
        Assert.Single(Announced(fake)); // posted, but the bot never heard so: its step waits for a retry

        // A busy announcements channel: more than a hundred messages (nine pages of 15) before the retry.
        for (var i = 0; i < 129; i++)
        {
            fake.AddMessage(SlackHarness.Announcements, "UOTHER", $"chatter {i}");
        }

        for (var i = 0; i < 30; i++)
        {
            await host.AdvanceAsync(TimeSpan.FromSeconds(10));
        }

        Assert.Single(Announced(fake));
        Assert.DoesNotContain(host.Services.GetRequiredService<IOutbox>().GetSteps(OutboxStatus.Pending), s => s.Kind != "timer");
        Assert.All(fake.CallsTo("conversations.history"), c => Assert.Equal("true", c.Arg("include_all_metadata")));
        Assert.True(fake.CallsTo("conversations.history").Count >= 9, "the search pages through the window by cursor");
    }

    [Fact]
    public async Task CardPostedByAKilledProcessNotYetPinned_LaterRefreshWaitsAndOneCardIsPinned()
    {
        await using var slack = await SlackHarness.StartAsync();
        var (host, fake) = (slack.Host, slack.Fake);
        var outbox = host.Services.GetRequiredService<IOutbox>();
        var platform = host.Services.GetServices<IChatPlatform>().Single(p => p.Name == "slack");
        var incidents = host.Services.GetRequiredService<IIncidentReader>();
        await slack.Deliver.CommandAsync(SlackPayloads.Command("declare Checkout failing sev1", trigger: "3b.1", channel: SlackHarness.General));

        // The process that is killed: it leases the incident's steps, opens the channel, posts the card, and dies while
        // pins.add is stalled — the card step stays leased to it, done on Slack but not recorded.
        var leased = await outbox.LeaseDueAsync("killed-process", host.Clock.GetUtcNow(), TimeSpan.FromMinutes(2), 50);
        var open = leased.Single(s => s.Kind == "open_channel");
        var card = leased.Single(s => s.Kind == "sync_card");
        var opened = await platform.ExecuteAsync(Context(open, incidents, outbox), CancellationToken.None);
        await outbox.CompleteStepAsync(open.Key, opened.Links, host.Clock.GetUtcNow());
        fake.Fail("pins.add", FakeFault.Answer("internal_error"));
        await platform.ExecuteAsync(Context(card, incidents, outbox), CancellationToken.None);
        var channel = slack.IncidentChannel;
        Assert.Single(slack.Posts(channel.Id, "card"));

        // The restarted process: a command refreshes the card while the dead lease still runs.
        await slack.Deliver.CommandAsync(SlackPayloads.Command("update INC-1 Rolling back", trigger: "3b.2", channel: channel.Id));
        await host.DrainOutboxAsync();
        Assert.Single(slack.Posts(channel.Id, "card"));
        Assert.Contains(outbox.GetSteps(OutboxStatus.Pending), s => s.Kind == "sync_card" && s.Key != card.Key); // waits behind the dead lease

        for (var i = 0; i < 30; i++)
        {
            await host.AdvanceAsync(TimeSpan.FromSeconds(10));
        }

        var post = Assert.Single(slack.Posts(channel.Id, "card"));
        Assert.Single(channel.Pins);
        Assert.Empty(outbox.GetSteps(OutboxStatus.InFlight));
        Assert.Empty(outbox.GetSteps(OutboxStatus.Dead));
        Assert.Equal(outbox.GetLinks(1)["slack:card"], Assert.Single(channel.Messages, m => (string?)m["metadata"]?["event_payload"]?["target"] == "card")["ts"]!.GetValue<string>());
        Assert.Contains(fake.CallsTo("chat.update"), u => u.Arg("channel") == channel.Id && u.At > post.At);
    }

    [Fact]
    public async Task KilledBeforeItPosted_TheRetryPostsWithoutReadingAnyHistory()
    {
        await using var slack = await SlackHarness.StartAsync();
        var (host, fake) = (slack.Host, slack.Fake);
        var outbox = host.Services.GetRequiredService<IOutbox>();
        await slack.Deliver.CommandAsync(SlackPayloads.Command("declare Checkout failing sev1", trigger: "3c.1", channel: SlackHarness.General));

        // The process that is killed leased the incident's steps and died before it ran any of them.
        Assert.NotEmpty(await outbox.LeaseDueAsync("killed-process", host.Clock.GetUtcNow(), TimeSpan.FromMinutes(2), 50));
        await host.AdvanceAsync(TimeSpan.FromMinutes(3));
        await host.DrainOutboxAsync();

        Assert.Single(Announced(fake));
        Assert.Single(slack.Posts(slack.IncidentChannel.Id, "card"));
        Assert.Contains(outbox.GetSteps(OutboxStatus.Done), s => s.Kind == "announce" && s.Attempts == 2);
        Assert.Empty(fake.CallsTo("conversations.history")); // no note of a post: nothing to look for
    }

    [Theory]
    [InlineData(0)]
    [InlineData(90)] // Slack's clock a minute and a half ahead of the host's
    [InlineData(-90)]
    public async Task KilledWhilePosting_AnHourOfChatterLater_TheRetryReadsOnlyThePageAroundItsNote(int slackAheadSeconds)
    {
        await using var slack = await SlackHarness.StartAsync();
        var (host, fake) = (slack.Host, slack.Fake);
        fake.ClockAhead = TimeSpan.FromSeconds(slackAheadSeconds);
        var outbox = host.Services.GetRequiredService<IOutbox>();
        var platform = host.Services.GetServices<IChatPlatform>().Single(p => p.Name == "slack");
        var incidents = host.Services.GetRequiredService<IIncidentReader>();
        await slack.Deliver.CommandAsync(SlackPayloads.Command("declare Checkout failing sev1", trigger: "3d.1", channel: SlackHarness.General));

        // The process that is killed: its announcement reaches Slack, and it dies before it hears back.
        fake.FailIn("chat.postMessage", SlackHarness.Announcements, FakeFault.AbortAfterApply());
        var announce = (await outbox.LeaseDueAsync("killed-process", host.Clock.GetUtcNow(), TimeSpan.FromMinutes(2), 50)).Single(s => s.Kind == "announce");
        Assert.Equal(EffectOutcomeKind.Retry, (await platform.ExecuteAsync(Context(announce, incidents, outbox), CancellationToken.None)).Kind);
        Assert.Single(Announced(fake));

        // An hour of a busy announcements channel (a message every 10 s: 24 pages) before the restarted process retries.
        var posted = host.Clock.GetUtcNow() + fake.ClockAhead;
        for (var i = 1; i <= 360; i++)
        {
            fake.AddMessage(SlackHarness.Announcements, "UOTHER", $"chatter {i}", posted.AddSeconds(10 * i));
        }

        await host.AdvanceAsync(TimeSpan.FromHours(1));
        await host.DrainOutboxAsync();

        Assert.Single(Announced(fake));
        Assert.Contains(outbox.GetSteps(OutboxStatus.Done), s => s.Key == announce.Key);
        Assert.InRange(fake.CallsTo("conversations.history").Count(c => c.Arg("channel") == SlackHarness.Announcements), 1, 2);
        Assert.DoesNotContain(outbox.GetLinks(1).Keys, k => k.StartsWith(StepLinks.Prefix(announce.Key), StringComparison.Ordinal)); // its notes went with it
    }

    [Fact]
    public async Task StepCutOffByAnUpgradeFromBeforeNotes_TheRetrySearchesFromItsFirstAttemptAndPostsNoSecond()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Infrastructure.TestHost.Epoch);
        await using var fake = await FakeSlack.StartAsync(clock);
        fake.AddChannel("general", id: SlackHarness.General);
        fake.AddChannel("incidents", id: SlackHarness.Announcements);
        string[] settings =
        [
            "Slack:BotToken=" + FakeSlack.BotToken,
            "Slack:SigningSecret=" + SlackSigning.SigningSecret,
            "Slack:ApiBaseUrl=" + fake.ApiBaseUrl.AbsoluteUri,
            "Slack:AnnouncementsChannel=" + SlackHarness.Announcements,
        ];

        // The version before notes: its announcement reaches Slack without a note, and the process is stopped for the
        // upgrade before it hears back. The database learns that notes are kept only from the upgrade on.
        string database;
        void NoPacing(Microsoft.AspNetCore.Builder.WebApplicationBuilder builder) =>
            builder.Services.AddSingleton(new ImtBot.Slack.WebApi.SlackRateGate(clock, enabled: false, patience: TimeSpan.Zero)); // as SlackHarness: nothing waits on the frozen clock
        await using (var before = await Infrastructure.TestHost.StartAsync(NoPacing, clock: clock, settings: settings))
        {
            database = before.DatabasePath;
            await new SlackHttpDelivery(before.Http, clock).CommandAsync(SlackPayloads.Command("declare Checkout failing sev1", trigger: "3e.1", channel: SlackHarness.General));
            var outbox = before.Services.GetRequiredService<IOutbox>();
            var announce = (await outbox.LeaseDueAsync("old-version", clock.GetUtcNow(), TimeSpan.FromMinutes(2), 50)).Single(s => s.Kind == "announce");
            fake.FailIn("chat.postMessage", SlackHarness.Announcements, FakeFault.AbortAfterApply());
            var platform = before.Services.GetServices<IChatPlatform>().Single(p => p.Name == "slack");
            var context = Context(announce, before.Services.GetRequiredService<IIncidentReader>(), outbox) with { Note = null };
            Assert.Equal(EffectOutcomeKind.Retry, (await platform.ExecuteAsync(context, CancellationToken.None)).Kind);
            await before.Services.GetRequiredService<ISettingsStore>().SetSettingAsync("outbox:notesSince", clock.GetUtcNow().AddSeconds(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Single(Announced(fake));
        clock.Advance(TimeSpan.FromMinutes(5));
        await using var upgraded = await Infrastructure.TestHost.StartAsync(NoPacing, database, clock, settings);
        await upgraded.DrainOutboxAsync();

        Assert.Single(Announced(fake));
        Assert.NotEmpty(fake.CallsTo("conversations.history")); // no note to go by: it searched from its first attempt
        Assert.Contains(upgraded.Services.GetRequiredService<IOutbox>().GetSteps(OutboxStatus.Done), s => s.Kind == "announce");
    }

    private static List<System.Text.Json.Nodes.JsonObject> Announced(FakeSlack fake) =>
        [.. fake.Channels[SlackHarness.Announcements].Messages.Where(m => (string?)m["metadata"]?["event_payload"]?["target"] == "announce")];

    /// <summary>A step's context as the dispatcher of the process that is killed builds it: notes go to the store.</summary>
    private static EffectContext Context(OutboxStep step, IIncidentReader incidents, IOutbox outbox) =>
        new(step.Key, incidents.Get(step.Incident)!, Core.Effects.EffectKinds.Deserialize(step.Payload), outbox.GetLinks(step.Incident), step.Attempts)
        {
            FirstTriedAt = step.FirstTriedAt ?? step.CreatedAt,
            Note = (links, ct) => outbox.NoteStepAsync(step.Key, links, ct),
        };
}
