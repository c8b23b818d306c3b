using System.Text.RegularExpressions;
using ImtBot.Core.Commands;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Core.Reviews;
using Microsoft.Extensions.Time.Testing;

namespace ImtBot.Core.Tests.Incidents;

/// <summary>
/// Commands typed as text through the service (parse → decide → commit): severities, the incident named by a number,
/// acknowledging from a direct message, unknown people and invisible characters. Every hint is followed to show it works.
/// </summary>
public partial class CommandTextServiceTests
{
    private static readonly ChannelRef General = new(PlatformNames.Console, "general");
    private readonly InMemoryIncidentStore store = new();
    private readonly FakeTimeProvider clock = new(Scenario.Start);
    private int keys;

    private IncidentService CreateSut(IUserDirectory? directory = null) => new(store, clock, new IncidentOptions(), directory: directory);

    private Task<CommandReply> SayAsync(IncidentService sut, UserRef who, string text, ChannelRef? channel = null) =>
        sut.HandleAsync(new ChatCommand(text, who, channel ?? General, "k" + Interlocked.Increment(ref keys)));

    private static ChannelRef Dm(UserRef user) => new(PlatformNames.Console, "dm-" + user.Id);

    private static string Mention(UserRef user) => $"<@{user.Id}|{user.DisplayName}>";

    /// <summary>The first <c>`/incident …`</c> in a reply, without the backticks.</summary>
    private static string Hint(string reply, string? containing = null) =>
        HintPattern().Matches(reply).Select(m => m.Groups[1].Value).First(h => containing is null || h.Contains(containing, StringComparison.Ordinal));

    [Theory]
    [InlineData("declare DB primary down sev 1", 1)]
    [InlineData("declare DB primary down sev-1", 1)]
    [InlineData("declare DB primary down SEV1", 1)]
    [InlineData("declare DB primary down sev1", 1)]
    [InlineData("declare DB primary down P1", 1)]
    [InlineData("declare DB primary down P2", 2)]
    [InlineData("declare DB primary down p4 drill", 4)]
    public async Task Declare_SeverityWritten_TakenAndLeftOutOfTheTitle(string text, int severity)
    {
        var sut = CreateSut();

        var reply = await SayAsync(sut, People.Alice, text);

        Assert.True(reply.Accepted, reply.Text);
        var state = sut.Get(reply.Incident!.Value)!;
        Assert.Equal((severity, "DB primary down"), (state.Severity, state.Title));
    }

    [Theory]
    [InlineData("declare DB primary down sev9")]
    [InlineData("declare DB primary down sev 0")]
    [InlineData("declare DB primary down P7")]
    public async Task Declare_SeverityOutOfRange_RefusedNamingTheValidOnes(string text)
    {
        var sut = CreateSut();

        var reply = await SayAsync(sut, People.Alice, text);

        Assert.False(reply.Accepted);
        Assert.Contains("sev1, sev2, sev3, sev4", reply.Text, StringComparison.Ordinal);
        Assert.Empty(store.ListIncidents(openOnly: false));
    }

    [Fact]
    public async Task Declare_SeverityInsideTheTitle_RefusedNotDeclaredAtTheDefault()
    {
        var sut = CreateSut();

        var reply = await SayAsync(sut, People.Alice, "declare DB P1 primary down");

        Assert.False(reply.Accepted);
        Assert.Contains("looks like a severity", reply.Text, StringComparison.Ordinal);
        Assert.Empty(store.ListIncidents(openOnly: false));
    }

    [Theory]
    [InlineData("sev INC-1 P1 all regions", 1)]
    [InlineData("sev INC-1 sev 4 contained", 4)]
    [InlineData("sev1 INC-1 all regions", 1)]
    public async Task Sev_SeverityWritten_Changed(string text, int severity)
    {
        var sut = CreateSut();
        await SayAsync(sut, People.Alice, "declare Checkout failing sev2");

        var reply = await SayAsync(sut, People.Alice, text);

        Assert.True(reply.Accepted, reply.Text);
        Assert.Equal(severity, sut.Get(1)!.Severity);
    }

    [Theory]
    [InlineData("sev INC-1 sev9 worse")]
    [InlineData("sev INC-1 0 worse")]
    [InlineData("sev INC-1 P7 worse")]
    public async Task Sev_SeverityOutOfRange_RefusedNamingTheValidOnes(string text)
    {
        var sut = CreateSut();
        await SayAsync(sut, People.Alice, "declare Checkout failing sev2");

        var reply = await SayAsync(sut, People.Alice, text);

        Assert.False(reply.Accepted);
        Assert.Contains("1, 2, 3, 4", reply.Text, StringComparison.Ordinal);
        Assert.Equal(2, sut.Get(1)!.Severity);
    }

    [Fact]
    public async Task Ack_InTheDirectMessageWithOnePage_AcknowledgesIt()
    {
        var sut = CreateSut();
        await SayAsync(sut, People.Alice, "declare Checkout failing sev2");
        Assert.True((await SayAsync(sut, People.Alice, $"page INC-1 {Mention(People.Bob)}")).Accepted);

        var reply = await SayAsync(sut, People.Bob, "ack", Dm(People.Bob));

        Assert.True(reply.Accepted, reply.Text);
        Assert.Equal(1, reply.Incident);
        Assert.Empty(sut.Get(1)!.OpenPages);
    }

    [Fact]
    public async Task Decline_InTheDirectMessageWithOnePage_DeclinesIt()
    {
        var sut = CreateSut();
        await SayAsync(sut, People.Alice, "declare Checkout failing sev2");
        await SayAsync(sut, People.Alice, $"page INC-1 {Mention(People.Bob)}");

        var reply = await SayAsync(sut, People.Bob, "decline", Dm(People.Bob));

        Assert.True(reply.Accepted, reply.Text);
        Assert.Equal(PageStatus.Declined, Assert.Single(sut.Get(1)!.Pages).Status);
    }

    [Fact]
    public async Task Ack_InTheDirectMessageWithTwoPages_ListsThemAndEachHintWorks()
    {
        var sut = CreateSut();
        await SayAsync(sut, People.Alice, "declare Checkout failing sev2");
        await SayAsync(sut, People.Alice, "declare Search slow sev3");
        await SayAsync(sut, People.Alice, $"page INC-1 {Mention(People.Bob)}");
        await SayAsync(sut, People.Alice, $"page INC-2 {Mention(People.Bob)}");

        var reply = await SayAsync(sut, People.Bob, "ack", Dm(People.Bob));

        Assert.False(reply.Accepted);
        Assert.Contains("`/incident ack INC-1`", reply.Text, StringComparison.Ordinal);
        Assert.Contains("`/incident ack INC-2`", reply.Text, StringComparison.Ordinal);
        Assert.True((await SayAsync(sut, People.Bob, Hint(reply.Text, "INC-2"), Dm(People.Bob))).Accepted);
        Assert.Empty(sut.Get(2)!.OpenPages);
        Assert.Single(sut.Get(1)!.OpenPages);
    }

    [Fact]
    public async Task Ack_InTheDirectMessageWithNoPage_SaysSo()
    {
        var sut = CreateSut();
        await SayAsync(sut, People.Alice, "declare Checkout failing sev2");

        var reply = await SayAsync(sut, People.Bob, "ack", Dm(People.Bob));

        Assert.False(reply.Accepted);
        Assert.Contains("no open page", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("note 1 rolled back", "rolled back")]
    [InlineData("note INC-1 rolled back", "rolled back")]
    public async Task Note_NumberRightAfterTheVerb_NamesTheIncident(string text, string note)
    {
        var sut = CreateSut();
        await SayAsync(sut, People.Alice, "declare Checkout failing sev2");

        var reply = await SayAsync(sut, People.Alice, text);

        Assert.True(reply.Accepted, reply.Text);
        Assert.Equal(note, Assert.Single(sut.Get(1)!.Notes).Text);
    }

    [Fact]
    public async Task Cancel_NumberAndReasonInGeneral_Cancels()
    {
        var sut = CreateSut();
        await SayAsync(sut, People.Alice, "declare Checkout failing sev2");
        await SayAsync(sut, People.Alice, "declare Search slow sev3");

        var reply = await SayAsync(sut, People.Alice, "cancel 2 monitoring glitch");

        Assert.True(reply.Accepted, reply.Text);
        Assert.Equal(IncidentStatus.Cancelled, sut.Get(2)!.Status);
    }

    [Fact]
    public async Task Cancel_NumberWithoutReason_HintNamesTheIncidentAndWorksWhenFollowed()
    {
        var sut = CreateSut();
        await SayAsync(sut, People.Alice, "declare Checkout failing sev2");
        await SayAsync(sut, People.Alice, "declare Search slow sev3");

        var reply = await SayAsync(sut, People.Alice, "cancel 2");

        Assert.False(reply.Accepted);
        var hint = Hint(reply.Text, "INC-2");
        Assert.Equal("/incident cancel INC-2 <reason>", hint);
        Assert.True((await SayAsync(sut, People.Alice, hint.Replace("<reason>", "monitoring glitch", StringComparison.Ordinal))).Accepted);
        Assert.Equal(IncidentStatus.Cancelled, sut.Get(2)!.Status);
    }

    [Theory]
    [InlineData("note rolled back deploy 1234")]
    [InlineData("update Payments recovering")]
    [InlineData("cancel monitoring glitch")]
    [InlineData("sev 1 all regions")]
    [InlineData("status")]
    public async Task NoIncidentNamedInGeneral_HintIsTheCommandWithTheIncidentAndWorks(string text)
    {
        var sut = CreateSut();
        await SayAsync(sut, People.Alice, "declare Checkout failing sev2");

        var reply = await SayAsync(sut, People.Alice, text);

        Assert.False(reply.Accepted);
        var hint = Hint(reply.Text);
        Assert.StartsWith("/incident ", hint, StringComparison.Ordinal);
        Assert.Contains("INC-1", hint, StringComparison.Ordinal);
        var followed = await SayAsync(sut, People.Alice, hint);
        Assert.True(followed.Accepted, followed.Text);
        Assert.Equal(1, followed.Incident);
    }

    [Fact]
    public async Task BareNumberBeforeTextInAnIncidentChannel_RefusedAndBothHintsWork()
    {
        var sut = CreateSut();
        await SayAsync(sut, People.Alice, "declare Checkout failing sev2");
        await SayAsync(sut, People.Alice, "declare Search slow sev3");
        var channel = new ChannelRef(PlatformNames.Console, "inc-2");
        store.Link(2, "console:channel", "inc-2");

        var reply = await SayAsync(sut, People.Alice, "note 1 region down", channel);

        Assert.False(reply.Accepted);
        Assert.Empty(sut.Get(1)!.Notes);
        Assert.True((await SayAsync(sut, People.Alice, Hint(reply.Text, "INC-1"), channel)).Accepted);
        Assert.Equal("region down", Assert.Single(sut.Get(1)!.Notes).Text);
        Assert.True((await SayAsync(sut, People.Alice, Hint(reply.Text, "INC-2"), channel)).Accepted);
        Assert.Equal("1 region down", Assert.Single(sut.Get(2)!.Notes).Text);
    }

    [Theory]
    [InlineData("role INC-1 ops @zed")]
    [InlineData("page INC-1 @zed")]
    [InlineData("oncall ops @zed")]
    [InlineData("handover INC-1 @zed all yours")]
    [InlineData("action INC-1 write the runbook @zed")]
    public async Task UnresolvedName_RefusedNobodyPaged(string text)
    {
        var sut = CreateSut();
        await SayAsync(sut, People.Alice, "declare Checkout failing sev2");
        await SayAsync(sut, People.Alice, "lead INC-1");
        var before = store.GetEvents(1).Count;

        var reply = await SayAsync(sut, People.Alice, text);

        Assert.False(reply.Accepted);
        Assert.Contains("@-mention", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Paged", reply.Text, StringComparison.Ordinal);
        Assert.Equal(before, store.GetEvents(1).Count);
    }

    [Fact]
    public async Task UnresolvedName_WithADirectory_NamesTheClosestPeople()
    {
        var sut = CreateSut(new FixedDirectory(People.Dave, People.Erin));
        await SayAsync(sut, People.Alice, "declare Checkout failing sev2");

        var reply = await SayAsync(sut, People.Alice, "role INC-1 ops @dav");

        Assert.False(reply.Accepted);
        Assert.Contains("Did you mean @dave (Dave), @erin (Erin)?", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvisibleCharacters_StrippedFromTitleAndNames_InStateAndReview()
    {
        var sut = CreateSut();
        var spoofer = new UserRef(PlatformNames.Console, "mallory", "Mal\u202Elory\u200B");

        var declared = await SayAsync(sut, spoofer, "declare Pay\u202Emen\u2066t\u200F down\uFEFF sev2");
        await SayAsync(sut, spoofer, "role INC-1 ops <@bob|B\u202Eob\u2069>");
        await SayAsync(sut, spoofer, "note INC-1 rolled\u061C back\u200D");

        Assert.True(declared.Accepted, declared.Text);
        var state = sut.Get(1)!;
        Assert.Equal("Payment down", state.Title);
        Assert.Equal("@Mallory", state.DeclaredBy.ToString());
        Assert.Equal("@Bob", Assert.Single(state.Pages).To.ToString());
        var review = ReviewWriter.ToMarkdown(store.GetEvents(1));
        Assert.DoesNotContain(review, c => InvisibleCharacters.IsInvisible(c));
        Assert.Contains("Payment down", review, StringComparison.Ordinal);
    }

    private sealed class FixedDirectory(params UserRef[] people) : IUserDirectory
    {
        public IReadOnlyList<UserRef> Closest(string platform, string name, int max) => people.Take(max).ToArray();
    }

    [GeneratedRegex("`(/incident [^`]+)`")]
    private static partial Regex HintPattern();
}
