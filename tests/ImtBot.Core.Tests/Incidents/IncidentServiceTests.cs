using ImtBot.Core.Commands;
using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Paging;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Core.Reviews;
using Microsoft.Extensions.Time.Testing;

namespace ImtBot.Core.Tests.Incidents;

public class IncidentServiceTests
{
    private static readonly ChannelRef General = new(PlatformNames.Console, "general");
    private readonly InMemoryIncidentStore store = new();
    private readonly FakeTimeProvider clock = new(Scenario.Start);
    private readonly IncidentOptions options = new() { Admins = ["root"] };
    private int keys;

    private IncidentService CreateSut() => new(store, clock, options);

    private ChatCommand Origin(UserRef actor, string? key = null, ChannelRef? channel = null) =>
        new("(typed)", actor, channel ?? General, key ?? "k" + Interlocked.Increment(ref keys));

    private async Task<int> DeclareAsync(IncidentService sut)
    {
        var reply = await sut.HandleParsedAsync(new DeclareCommand("Checkout is failing", 2, false), Origin(People.Alice));
        Assert.True(reply.Accepted, reply.Text);
        return reply.Incident!.Value;
    }

    [Fact]
    public async Task HandleParsed_Declare_CommitsChainedEventsSnapshotAndOutboxSteps()
    {
        var sut = CreateSut();

        var number = await DeclareAsync(sut);

        Assert.Equal(1, number);
        var events = store.GetEvents(1);
        Assert.Equal(["declared", "participant_joined"], events.Select(e => e.Type));
        Assert.True(ChainVerifier.Verify(events).Valid);
        Assert.All(events, e => Assert.Equal((Scenario.Start, People.Alice), (e.At, e.Actor)));
        var snapshot = store.FindIncident(1)!;
        Assert.Equal((2L, "Checkout is failing", IncidentStatus.Declared, events[^1].Hash), (snapshot.Version, snapshot.Title, snapshot.Status, snapshot.Head));
        var steps = store.GetSteps(OutboxStatus.Pending);
        Assert.Contains(steps, s => s.Key == "1:open_channel:1.0" && s.DueAt == Scenario.Start && s.Platform == PlatformNames.Console);
        Assert.Contains(steps, s => s.Key == "1:sync_card:1.1");
        // One reminder timer, at the first reminder due (the commander's, 5 minutes in): the service arms it.
        var reminderTimer = Assert.Single(steps, s => s.Kind == "timer");
        Assert.Equal((TimerKeys.Reminders, Scenario.Start.AddMinutes(5)), (((ScheduleTimer)EffectKinds.Deserialize(reminderTimer.Payload)).TimerKey, reminderTimer.DueAt));
    }

    [Fact]
    public async Task HandleParsed_SameDedupeKeyTwice_AppliedOnce()
    {
        var sut = CreateSut();
        var n = await DeclareAsync(sut);
        var origin = Origin(People.Bob, "slack:Ev123");

        var first = await sut.HandleParsedAsync(new NoteCommand("rolled back") { Incident = n }, origin);
        var second = await sut.HandleParsedAsync(new NoteCommand("rolled back") { Incident = n }, origin);

        Assert.Equal(first.Text, second.Text);
        Assert.True(second.Accepted);
        Assert.Single(store.GetEvents(n), e => e.Data is NoteAdded);
    }

    [Fact]
    public async Task HandleParsed_ConcurrentChangeBeforeCommit_DecidesAgainOnFreshState()
    {
        var sut = CreateSut();
        var n = await DeclareAsync(sut);
        var injected = false;
        store.BeforeCommit = async request =>
        {
            if (!injected && request.Events.Any(e => e.Data is UpdatePosted))
            {
                injected = true;
                await sut.HandleParsedAsync(new NoteCommand("meanwhile") { Incident = n }, Origin(People.Carol));
            }
        };

        var reply = await sut.HandleParsedAsync(new UpdateCommand("recovering") { Incident = n }, Origin(People.Bob));

        Assert.True(reply.Accepted, reply.Text);
        Assert.Equal(1, store.Conflicts);
        var events = store.GetEvents(n);
        Assert.True(ChainVerifier.Verify(events).Valid);
        Assert.Single(events, e => e.Data is UpdatePosted);
        Assert.Single(events, e => e.Data is NoteAdded);
    }

    [Fact]
    public async Task HandleParsed_100ConcurrentResolves_ExactlyOneResolution()
    {
        var sut = CreateSut();
        var n = await DeclareAsync(sut);
        var arrived = 0;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        store.BeforeCommit = async request =>
        {
            // Hold every first attempt until all 100 have decided on the same state, so 99 of them must conflict.
            if (request.Events.Count > 0)
            {
                if (Interlocked.Increment(ref arrived) == 100)
                {
                    gate.SetResult();
                }

                await gate.Task;
            }
        };

        var replies = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(() =>
            sut.HandleParsedAsync(new TransitionCommand(IncidentStatus.Resolved, null) { Incident = n }, Origin(People.Bob, "resolve-" + i)))));

        Assert.Single(store.GetEvents(n), e => e.Data is StatusChanged { To: IncidentStatus.Resolved });
        Assert.Single(replies, r => r.Accepted);
        Assert.Equal(99, store.Conflicts);
        Assert.All(replies.Where(r => !r.Accepted), r => Assert.Contains("already resolved", r.Text, StringComparison.Ordinal));
        Assert.True(ChainVerifier.Verify(store.GetEvents(n)).Valid);
        Assert.Equal(IncidentStatus.Resolved, sut.Get(n)!.Status);
    }

    [Fact]
    public async Task HandleParsed_ConcurrentDeclarations_GetDistinctNumbers()
    {
        var sut = CreateSut();

        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            sut.HandleParsedAsync(new DeclareCommand("Incident " + i, 3, false), Origin(People.Alice, "declare-" + i)))));

        Assert.All(replies, r => Assert.True(r.Accepted, r.Text));
        Assert.Equal(Enumerable.Range(1, 20), replies.Select(r => r.Incident!.Value).Order());
        Assert.Equal(20, store.ListIncidents(openOnly: true).Count);

        // Numbers are handed out in memory, so racing declarations never collide on "max + 1" and decide again.
        Assert.Equal(0, store.Conflicts);
    }

    [Fact]
    public async Task HandleParsed_ManyDeclarations_StoreAskedForTheNextNumberOnce()
    {
        var sut = CreateSut();

        for (var i = 0; i < 5; i++)
        {
            await DeclareAsync(sut);
        }

        // The counter is seeded once; a query per declaration (under the counter's lock) serialised them all.
        Assert.Equal(1, store.NextNumberReads);
    }

    [Fact]
    public async Task HandleParsed_NumberTakenBehindTheServicesBack_CatchesUpAndDeclaresTheNext()
    {
        var sut = CreateSut();
        Assert.Equal(1, await DeclareAsync(sut));

        // Another service on the same store (not the host's wiring, but possible) declares INC-2 and INC-3.
        var other = CreateSut();
        await DeclareAsync(other);
        await DeclareAsync(other);

        // The first one reserves 2, conflicts, reads the store again and commits INC-4.
        Assert.Equal(4, await DeclareAsync(sut));
        Assert.Equal(4, store.ListIncidents(openOnly: true).Count);
    }

    [Fact]
    public async Task HandleParsed_DeclarationRejected_NumberGivenBackNoGap()
    {
        var sut = CreateSut();
        await DeclareAsync(sut);

        var rejected = await sut.HandleParsedAsync(new DeclareCommand("Bad severity", 9, false), Origin(People.Alice, "bad-sev"));
        var next = await sut.HandleParsedAsync(new DeclareCommand("Second", 2, false), Origin(People.Alice, "second"));

        Assert.False(rejected.Accepted);
        Assert.Equal(2, next.Incident);
    }

    [Fact]
    public async Task HandleAsync_ParseFailure_NotAcceptedAndNothingCommitted()
    {
        var sut = CreateSut();

        var reply = await sut.HandleAsync(Origin(People.Alice) with { Text = "frobnicate the widgets" });

        Assert.False(reply.Accepted);
        Assert.False(string.IsNullOrWhiteSpace(reply.Text));
        Assert.Equal(0, store.Commits);
    }

    [Fact]
    public async Task HandleParsed_Rejection_RecordsOnlyTheInboxKey_AndARedeliveryGetsTheSameAnswer()
    {
        var sut = CreateSut();
        var n = await DeclareAsync(sut);
        await sut.HandleParsedAsync(new RoleCommand("commander", UserArg.Me) { Incident = n }, Origin(People.Alice));
        var version = store.FindIncident(n)!.Version;
        var origin = Origin(People.Carol, "resolve-once");

        var first = await sut.HandleParsedAsync(new TransitionCommand(IncidentStatus.Resolved, null) { Incident = n }, origin);
        await sut.HandleParsedAsync(new TransitionCommand(IncidentStatus.Mitigated, null) { Incident = n }, Origin(People.Alice));
        var again = await sut.HandleParsedAsync(new TransitionCommand(IncidentStatus.Resolved, null) { Incident = n }, origin);

        Assert.False(first.Accepted);
        Assert.Contains("Only the commander", first.Text, StringComparison.Ordinal);
        Assert.Equal(first.Text, again.Text);
        Assert.Equal(version + 1, store.FindIncident(n)!.Version);
        Assert.Equal(first.Text, store.FindInboxReply("resolve-once")?.Text);
    }

    [Fact]
    public async Task HandleParsed_NoIncidentNamedOrLinked_AsksWhich()
    {
        var sut = CreateSut();
        await DeclareAsync(sut);

        var reply = await sut.HandleParsedAsync(new NoteCommand("x"), Origin(People.Bob));

        Assert.False(reply.Accepted);
        Assert.Contains("`/incident note INC-1`", reply.Text, StringComparison.Ordinal);
        Assert.Contains("INC-1 (Checkout is failing)", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleParsed_UnknownIncident_SaysSo()
    {
        var sut = CreateSut();

        var reply = await sut.HandleParsedAsync(new NoteCommand("x") { Incident = 9 }, Origin(People.Bob));

        Assert.False(reply.Accepted);
        Assert.Contains("INC-9 does not exist", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleParsed_InIncidentChannel_AppliesToThatIncident()
    {
        var sut = CreateSut();
        await DeclareAsync(sut);
        var n = await DeclareAsync(sut);
        store.Link(n, "console:channel", "inc-2");

        var reply = await sut.HandleParsedAsync(new NoteCommand("here"), Origin(People.Bob, channel: new ChannelRef(PlatformNames.Console, "inc-2")));

        Assert.True(reply.Accepted, reply.Text);
        Assert.Equal(2, reply.Incident);
        Assert.Single(store.GetEvents(2), e => e.Data is NoteAdded);
        Assert.DoesNotContain(store.GetEvents(1), e => e.Data is NoteAdded);
    }

    [Fact]
    public async Task OnCall_SetThenPageRole_PagesFirstOnTheStoredList()
    {
        var sut = CreateSut();
        var n = await DeclareAsync(sut);

        var set = await sut.HandleParsedAsync(new OnCallCommand("ops", [People.Arg(People.Carol), UserArg.Me]), Origin(People.Bob));
        var shown = await sut.HandleParsedAsync(new OnCallCommand(null, []), Origin(People.Bob));
        var paged = await sut.HandleParsedAsync(new PageCommand("ops", null, null) { Incident = n }, Origin(People.Alice));

        Assert.True(set.Accepted, set.Text);
        Assert.Contains("ops: @Carol, @Bob", shown.Text, StringComparison.Ordinal);
        Assert.True(paged.Accepted, paged.Text);
        var page = store.GetEvents(n).Select(e => e.Data).OfType<PageSent>().Single();
        Assert.Equal(People.Carol, page.To);
        Assert.Equal([People.Carol, People.Bob], store.GetEvents(n).Select(e => e.Data).OfType<OnCallListSet>().Single().Users);
    }

    [Fact]
    public async Task OnCall_FromConfiguration_UsesTheIncidentPlatform()
    {
        options.OnCall["comms"] = ["dave", "erin"];
        var sut = CreateSut();
        var n = await DeclareAsync(sut);

        await sut.HandleParsedAsync(new PageCommand("comms", null, null) { Incident = n }, Origin(People.Alice));

        Assert.Equal(new UserRef(PlatformNames.Console, "dave", "dave"), store.GetEvents(n).Select(e => e.Data).OfType<PageSent>().Single().To);
    }

    [Fact]
    public async Task OnCall_UnknownRole_Rejected()
    {
        var sut = CreateSut();

        var reply = await sut.HandleParsedAsync(new OnCallCommand("janitor", [People.Arg(People.Bob)]), Origin(People.Bob));

        Assert.False(reply.Accepted);
        Assert.Null(store.GetSetting(OnCallLists.SettingKey("janitor")));
    }

    [Fact]
    public async Task Timer_ThroughTheService_ExpiresThePageAndSchedulesTheNext()
    {
        options.OnCall["ops"] = ["bob", "carol"];
        var sut = CreateSut();
        var n = await DeclareAsync(sut);
        await sut.HandleParsedAsync(new PageCommand("ops", null, null) { Incident = n }, Origin(People.Alice));
        var deadline = store.GetSteps(OutboxStatus.Pending).Single(s => s.Kind == "timer" && s.Payload.Contains("page:p1", StringComparison.Ordinal));

        clock.Advance(TimeSpan.FromMinutes(10));
        var timerOrigin = new ChatCommand("timer page:p1", UserRef.System, General, deadline.Key);
        var reply = await sut.HandleParsedAsync(new TimerCommand("page:p1") { Incident = n }, timerOrigin);
        var again = await sut.HandleParsedAsync(new TimerCommand("page:p1") { Incident = n }, timerOrigin);

        Assert.True(reply.Accepted, reply.Text);
        Assert.Equal(reply.Text, again.Text);
        var pages = store.GetEvents(n).Select(e => e.Data).OfType<PageSent>().ToArray();
        Assert.Equal([People.Bob.Id, People.Carol.Id], pages.Select(p => p.To.Id));
        Assert.Contains(store.GetSteps(OutboxStatus.Pending), s => s.Kind == "timer" && s.DueAt == Scenario.Start.AddMinutes(20));
        Assert.Single(store.GetEvents(n), e => e.Data is PageExpired);
    }

    [Fact]
    public async Task ReadOnlyCommands_AnswerWithoutCommitting()
    {
        var sut = CreateSut();
        var n = await DeclareAsync(sut);
        var commits = store.Commits;

        var status = await sut.HandleParsedAsync(new StatusCommand { Incident = n }, Origin(People.Bob));
        var timeline = await sut.HandleParsedAsync(new TimelineCommand { Incident = n }, Origin(People.Bob));
        var review = await sut.HandleParsedAsync(new ReviewCommand { Incident = n }, Origin(People.Bob));
        var list = await sut.HandleParsedAsync(new ListCommand(), Origin(People.Bob));
        var help = await sut.HandleParsedAsync(new HelpCommand(null), Origin(People.Bob));

        Assert.StartsWith("INC-1 · SEV2 · declared · Checkout is failing", status.Text, StringComparison.Ordinal);
        Assert.Contains("declared INC-1 \"Checkout is failing\" as SEV2", timeline.Text, StringComparison.Ordinal);
        Assert.All(ReviewModel.From(store.GetEvents(n)).Timeline, t => Assert.Contains(" · " + t.Text, timeline.Text, StringComparison.Ordinal));
        // The review, with what is still to write above it.
        Assert.StartsWith("Still empty: Overview (`summary <text>`);", review.Text, StringComparison.Ordinal);
        Assert.EndsWith(ReviewWriter.ToMarkdown(store.GetEvents(n)), review.Text, StringComparison.Ordinal);
        Assert.Contains("INC-1 · SEV2 · declared · Checkout is failing", list.Text, StringComparison.Ordinal);
        Assert.Equal(CommandHelp.Text(), help.Text);
        Assert.Equal(commits, store.Commits);
    }

    [Fact]
    public async Task ReadOnlyCommands_WorkOnClosedIncidents_ChangesDoNot()
    {
        var sut = CreateSut();
        var n = await DeclareAsync(sut);
        await sut.HandleParsedAsync(new PageCommand(null, People.Arg(People.Erin), null) { Incident = n }, Origin(People.Alice));
        await sut.HandleParsedAsync(new CancelCommand("false alarm") { Incident = n }, Origin(People.Alice));

        var status = await sut.HandleParsedAsync(new StatusCommand { Incident = n }, Origin(People.Bob));
        var note = await sut.HandleParsedAsync(new NoteCommand("late") { Incident = n }, Origin(People.Bob));

        Assert.True(status.Accepted);
        Assert.Contains("cancelled", status.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Paged:", status.Text, StringComparison.Ordinal);
        Assert.False(note.Accepted);
        Assert.Contains("cancelled", note.Text, StringComparison.Ordinal);
        Assert.Empty(store.ListIncidents(openOnly: true));
    }

    [Fact]
    public async Task Reader_Get_ReplaysTheStoredEvents()
    {
        var sut = CreateSut();
        var n = await DeclareAsync(sut);
        await sut.HandleParsedAsync(new RoleCommand("commander", UserArg.Me) { Incident = n }, Origin(People.Bob));

        Assert.Equal(People.Bob, sut.Get(n)!.Commander);
        Assert.Null(sut.Get(99));
    }

    [Fact]
    public async Task Steps_ArchiveDueAtItsTime_KeysUniqueAcrossDecisions()
    {
        var sut = CreateSut();
        var n = await DeclareAsync(sut);
        await sut.HandleParsedAsync(new TransitionCommand(IncidentStatus.Resolved, null) { Incident = n }, Origin(People.Alice));
        await sut.HandleParsedAsync(new CloseCommand { Incident = n }, Origin(People.Alice));

        var steps = store.GetSteps(OutboxStatus.Pending);
        Assert.Equal(Scenario.Start.AddDays(7), steps.Single(s => s.Kind == "archive").DueAt);
        Assert.Single(steps, s => s.Kind == "post_review");
        Assert.Equal(steps.Count, steps.Select(s => s.Key).Distinct().Count());
    }

    [Fact]
    public async Task HandleParsed_NoDedupeKey_CommitsWithoutInbox()
    {
        var sut = CreateSut();
        var n = await DeclareAsync(sut);

        await sut.HandleParsedAsync(new NoteCommand("one") { Incident = n }, Origin(People.Bob, key: ""));
        await sut.HandleParsedAsync(new NoteCommand("one") { Incident = n }, Origin(People.Bob, key: ""));

        Assert.Equal(2, store.GetEvents(n).Count(e => e.Data is NoteAdded));
        Assert.Equal(1, store.InboxCount);
    }
}
