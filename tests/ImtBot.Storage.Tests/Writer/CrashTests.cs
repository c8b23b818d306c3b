using ImtBot.Core.Ports;
using ImtBot.Storage.Tests.Support;

namespace ImtBot.Storage.Tests.Writer;

/// <summary>Durability in small (docs/reliability.md §Durability): kill -9 a process that is committing; every acknowledged commit survives.</summary>
public sealed class CrashTests : IDisposable
{
    private readonly TempDatabase _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(DurabilityMode.Checkpoint)]
    [InlineData(DurabilityMode.SyncLog)]
    public async Task Kill_WhileCommitting_EveryAcknowledgedCommitSurvivesAndTheLockIsReleased(DurabilityMode durability)
    {
        var acked = new List<int>();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (var child = Probe.Start(_temp.DbPath, "commit", durability.ToString()))
        {
            child.OutputDataReceived += (_, line) =>
            {
                if (line.Data is { } text && text.StartsWith("acked ", StringComparison.Ordinal))
                {
                    lock (acked)
                    {
                        acked.Add(int.Parse(text.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture));
                        if (acked.Count == 40)
                        {
                            enough.TrySetResult();
                        }
                    }
                }
            };
            child.BeginOutputReadLine();
            var exited = child.WaitForExitAsync();
            Assert.NotSame(exited, await Task.WhenAny(enough.Task, exited));

            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }

        int[] survivors;
        lock (acked)
        {
            survivors = [.. acked];
        }

        using var store = _temp.Open();
        Assert.True(store.IsReady, store.Health.Reason);
        Assert.All(survivors, n =>
        {
            Assert.NotNull(store.FindIncident(n));
            Assert.True(store.Verify(n).Valid);
            Assert.NotNull(store.FindInboxReply($"probe:{n}")?.Text);
        });
        Assert.True(store.GetSteps(OutboxStatus.Pending).Count >= survivors.Length);
    }
}
