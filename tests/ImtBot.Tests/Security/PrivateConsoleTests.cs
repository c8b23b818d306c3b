using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ImtBot.Tests.Infrastructure;

namespace ImtBot.Tests.Security;

/// <summary>
/// A private incident's console channel in the loopback local demo, as two console users: alice declared it, dan takes
/// no part. Dan gets nothing of the channel (list, messages, read marker, posting, live pushes) until he is paged into
/// the incident; alice sees it, marked private.
/// </summary>
public class PrivateConsoleTests : IAsyncLifetime
{
    private TestHost _host = null!;
    private string _channel = "";

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync();
        Assert.True((await _host.SayAsync("alice", "general", "/incident declare Payroll export leaked sev2 private")).Accepted);
        Assert.True((await _host.SayAsync("alice", "general", "/incident declare Search is down sev3")).Accepted);
        await _host.DrainOutboxAsync();
        _channel = (string)(await _host.GetArrayAsync("/api/console/channels?user=alice")).Single(c => (int?)c!["incident"] == 1)!["id"]!;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>Plain text typed in a channel (not a command).</summary>
    private async Task WriteAsync(string user, string channel, string text) =>
        (await _host.Http.PostAsJsonAsync("/api/console/messages", new { user, channel, text })).EnsureSuccessStatusCode();

    [Fact]
    public async Task ChannelList_NonParticipantHasNoPrivateChannel_ParticipantSeesItLocked()
    {
        var dan = await _host.GetArrayAsync("/api/console/channels?user=dan");
        var alice = await _host.GetArrayAsync("/api/console/channels?user=alice");

        Assert.DoesNotContain(dan, c => (int?)c!["incident"] == 1);
        Assert.DoesNotContain(_channel, dan.ToJsonString(), StringComparison.Ordinal);
        Assert.False((bool)dan.Single(c => (int?)c!["incident"] == 2)!["private"]!);
        Assert.True((bool)alice.Single(c => (int?)c!["incident"] == 1)!["private"]!);
        Assert.False((bool)alice.Single(c => (int?)c!["incident"] == 2)!["private"]!);
    }

    [Fact]
    public async Task NonParticipant_CannotReadPostOrMarkTheChannel()
    {
        var messages = await _host.Http.GetAsync($"/api/console/channels/{_channel}/messages?user=dan");
        var post = await _host.Http.PostAsJsonAsync("/api/console/messages", new { user = "dan", channel = _channel, text = "anyone here?" });
        var first = (string)(await _host.MessagesAsync(_channel, "alice"))[0]!["id"]!;
        var read = await _host.Http.PostAsJsonAsync($"/api/console/channels/{_channel}/read", new { user = "dan", upTo = first });
        var click = await _host.Http.PostAsJsonAsync("/api/console/actions", new { user = "dan", messageId = first, data = new { command = "ack INC-1" } });

        Assert.Equal(HttpStatusCode.NotFound, messages.StatusCode);
        Assert.DoesNotContain("Payroll", await messages.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, click.StatusCode);
        Assert.DoesNotContain(await _host.MessagesAsync(_channel, "alice"), m => ((string?)m!["text"] ?? "").Contains("anyone here", StringComparison.Ordinal));

        // Nor in chat: reading it by number answers that it is private, and acting on it (which would make him a
        // participant) is refused.
        var status = await _host.SayAsync("dan", "general", "/incident status INC-1");
        var note = await _host.SayAsync("dan", "general", "/incident note INC-1 just looking");
        var list = await _host.SayAsync("dan", "general", "/incident list");
        Assert.False(status.Accepted);
        Assert.Contains("INC-1 is private", status.Text, StringComparison.Ordinal);
        Assert.False(note.Accepted);
        Assert.DoesNotContain("Payroll", status.Text + note.Text + list.Text, StringComparison.Ordinal);
        Assert.Contains("INC-1 · SEV2 · private incident", list.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(await _host.GetArrayAsync("/api/console/channels?user=dan"), c => (int?)c!["incident"] == 1);
        Assert.Contains(await _host.MessagesAsync(_channel, "alice"), m => ((string?)m!["text"] ?? "").Contains("Payroll", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LivePushes_OnlyToThoseWhoMaySee_AndToSomeonePagedFromThenOn()
    {
        await using var dan = await ConsoleStream.OpenAsync(_host.Http, "dan");
        await using var alice = await ConsoleStream.OpenAsync(_host.Http, "alice");

        await WriteAsync("alice", _channel, "Payroll keys rotated");
        await WriteAsync("alice", "general", "marker-one");
        var danSaw = await dan.ReadUntilAsync("marker-one");
        var aliceSaw = await alice.ReadUntilAsync("marker-one");

        Assert.DoesNotContain(danSaw, l => l.Contains("Payroll", StringComparison.Ordinal) || l.Contains(_channel, StringComparison.Ordinal));
        Assert.Contains(aliceSaw, l => l.Contains("Payroll keys rotated", StringComparison.Ordinal));

        // Paged into the incident, dan takes part: its channel is his from then on.
        Assert.True((await _host.SayAsync("alice", _channel, "/incident page @dan please join")).Accepted);
        await _host.DrainOutboxAsync();
        await WriteAsync("alice", _channel, "Payroll vendor notified");
        await WriteAsync("alice", "general", "marker-two");
        var danLater = await dan.ReadUntilAsync("marker-two");

        Assert.Contains(danLater, l => l.Contains("Payroll vendor notified", StringComparison.Ordinal));
        Assert.Contains(await _host.GetArrayAsync("/api/console/channels?user=dan"), c => (int?)c!["incident"] == 1 && (bool)c["private"]!);
        Assert.Equal(HttpStatusCode.OK, (await _host.Http.GetAsync($"/api/console/channels/{_channel}/messages?user=dan")).StatusCode);
    }
}
