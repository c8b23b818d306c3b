using ImtBot.Storage;
using ImtBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ImtBot.Tests.ConsoleChat;

/// <summary>
/// A command typed in the console shows its sender the command as typed and the bot's reply. Both are stored before
/// the answer, and they are stored in one write: a read-only command such as <c>status</c> waits for the disk once for
/// them, not once each.
/// </summary>
public class ConsoleCommandEchoTests
{
    [Fact]
    public async Task Status_TypedInTheConsole_EchoAndReplyAreOneWrite_EchoFirst_SeenOnlyByItsSender()
    {
        await using var host = await TestHost.StartAsync();
        Assert.True((await host.SayAsync("alice", "general", "/incident declare \"Checkout failing\" sev2")).Accepted);
        await host.DrainOutboxAsync();
        var store = (LiteIncidentStore)host.Services.GetRequiredService<IIncidentStore>();

        var before = store.Statistics.Items;
        var status = await host.SayAsync("alice", "general", "/incident status INC-1");
        var writes = store.Statistics.Items - before;

        Assert.True(status.Accepted, status.Text);
        var shown = (await host.MessagesAsync("general")).TakeLast(2).ToList();
        Assert.Equal(["/incident status INC-1", status.Text], shown.Select(m => (string)m!["text"]!));
        Assert.DoesNotContain(await host.MessagesAsync("general", "bob"), m => (string)m!["text"]! == "/incident status INC-1");
        Assert.Equal(1, writes);
    }
}
