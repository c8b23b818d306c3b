using ImtBot.Core.Ports;
using ImtBot.Storage.Tests.Support;
using ImtBot.Storage.Writer;

namespace ImtBot.Storage.Tests.Writer;

/// <summary>docs/reliability.md §Fault injection: a fault anywhere inside the commit transaction leaves nothing behind, even after reopening.</summary>
public sealed class FaultInjectionTests : IDisposable
{
    private readonly TempDatabase _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(FaultPoint.AfterInbox)]
    [InlineData(FaultPoint.AfterEvents)]
    [InlineData(FaultPoint.AfterSnapshot)]
    [InlineData(FaultPoint.AfterSteps)]
    [InlineData(FaultPoint.BeforeCommit)]
    internal async Task CommitAsync_FaultInsideTransaction_NothingPartiallyVisibleEvenAfterReopen(FaultPoint point)
    {
        var declare = Requests.Declare(1);
        var note = Requests.Append(
            declare.Snapshot!,
            new Core.Events.NoteAdded("doomed"),
            "target",
            steps: [new NewStep("1:post_note:1", 1, "console", "post_note", "{}", Requests.T0)]);
        using (var store = _temp.Open())
        {
            await store.CommitAsync(declare);
            store.FaultHook = (p, r) =>
            {
                if (p == point && r?.InboxKey == "target")
                {
                    throw new InjectedFault($"crash at {p}");
                }
            };

            await Assert.ThrowsAsync<InjectedFault>(() => store.CommitAsync(note));

            AssertOnlyTheDeclaration(store);
        }

        using var reopened = _temp.Open();
        AssertOnlyTheDeclaration(reopened);
        Assert.True(reopened.IsReady, reopened.Health.Reason);

        // The platform's retry of the same delivery then applies it exactly once.
        Assert.Equal(CommitStatus.Committed, (await reopened.CommitAsync(note)).Status);
        Assert.Equal(CommitStatus.Duplicate, (await reopened.CommitAsync(note)).Status);
        Assert.Equal(2, reopened.GetEvents(1).Count);
        Assert.Equal(2, reopened.GetSteps(OutboxStatus.Pending).Count);
    }

    // The writer's in-memory inbox keys and incident heads must roll back with the transaction: the retry in the same
    // process is neither a duplicate nor a version conflict.
    [Theory]
    [InlineData(FaultPoint.AfterInbox)]
    [InlineData(FaultPoint.AfterSnapshot)]
    [InlineData(FaultPoint.AfterSteps)]
    [InlineData(FaultPoint.BeforeCommit)]
    internal async Task CommitAsync_FaultInsideTransaction_RetryInTheSameProcessCommitsOnce(FaultPoint point)
    {
        var declare = Requests.Declare(1);
        var note = Requests.Append(declare.Snapshot!, new Core.Events.NoteAdded("retried"), "target");
        using var store = _temp.Open();
        await store.CommitAsync(declare);
        var failures = 0;
        store.FaultHook = (p, r) =>
        {
            if (p == point && r?.InboxKey == "target" && failures++ == 0)
            {
                throw new InjectedFault($"crash at {p}");
            }
        };

        await Assert.ThrowsAsync<InjectedFault>(() => store.CommitAsync(note));

        Assert.Null(store.FindInboxReply("target")?.Text);
        Assert.Equal(CommitStatus.Committed, (await store.CommitAsync(note)).Status);
        Assert.Equal(CommitStatus.Duplicate, (await store.CommitAsync(note)).Status);
        Assert.Equal(2, store.FindIncident(1)!.Version);
        Assert.Equal(CommitStatus.Committed, (await store.CommitAsync(Requests.Note(store.FindIncident(1)!, "after"))).Status);
    }

    [Fact]
    public async Task CommitAsync_FaultBeforeCheckpoint_NotAcknowledgedButAtomicAndRetryIsDuplicate()
    {
        var declare = Requests.Declare(1, "target");
        using (var store = _temp.Open())
        {
            store.FaultHook = (p, r) =>
            {
                if (p == FaultPoint.BeforeCheckpoint && r?.InboxKey == "target")
                {
                    throw new InjectedFault("crash before the checkpoint");
                }
            };

            var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => store.CommitAsync(declare));
            Assert.Contains("not acknowledged", error.Message);
        }

        using var reopened = _temp.Open();

        // Committed to the log (a killed process keeps it) but never acknowledged: all of it is there, not a part.
        Assert.Equal(declare.Snapshot, reopened.FindIncident(1));
        Assert.Single(reopened.GetEvents(1));
        Assert.Single(reopened.GetSteps(OutboxStatus.Pending));
        Assert.Equal(new CommitResult(CommitStatus.Duplicate, "INC-1 declared"), await reopened.CommitAsync(declare));
    }

    [Theory]
    [InlineData(DurabilityMode.Checkpoint)]
    [InlineData(DurabilityMode.SyncLog)]
    public async Task CommitAsync_OneItemFaultsInAGroup_TheOthersCommit(DurabilityMode durability)
    {
        using var store = _temp.Open(durability);
        store.FaultHook = (p, r) =>
        {
            if (p == FaultPoint.AfterEvents && r?.Incident == 7)
            {
                throw new InjectedFault("incident 7 fails");
            }
        };
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var commits = Enumerable.Range(1, 40).Select(async n =>
        {
            await gate.Task;
            return await store.CommitAsync(Requests.Declare(n));
        }).ToList();

        gate.SetResult();
        var outcomes = await Task.WhenAll(commits.Select(async c =>
        {
            try
            {
                return (await c).Status.ToString();
            }
            catch (InjectedFault)
            {
                return "fault";
            }
        }));

        Assert.Equal(39, outcomes.Count(o => o == nameof(CommitStatus.Committed)));
        Assert.Equal("fault", outcomes[6]);
        Assert.Null(store.FindIncident(7));
        Assert.Empty(store.GetEvents(7));
        Assert.Equal(39, store.ListIncidents(openOnly: false).Count);
    }

    private static void AssertOnlyTheDeclaration(LiteIncidentStore store)
    {
        Assert.Equal(1, store.FindIncident(1)!.Version);
        Assert.Single(store.GetEvents(1));
        Assert.Null(store.FindInboxReply("target")?.Text);
        Assert.Equal(["1:post_card:1"], store.GetSteps(OutboxStatus.Pending).Select(s => s.Key));
    }
}
