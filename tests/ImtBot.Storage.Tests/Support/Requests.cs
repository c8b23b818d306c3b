using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;

namespace ImtBot.Storage.Tests.Support;

/// <summary>Builds well-chained commit requests the way the command service does.</summary>
public static class Requests
{
    public static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);

    public static readonly UserRef Alice = new(PlatformNames.Console, "alice", "Alice");

    /// <summary>Declares incident <paramref name="number"/> with one event, one outbox step and an inbox key.</summary>
    public static CommitRequest Declare(int number, string? inboxKey = null, DateTimeOffset? at = null, string title = "Checkout failing", int steps = 1)
    {
        var when = at ?? T0;
        var declared = EventChain.Append(
            EventChain.GenesisHash,
            number,
            1,
            when,
            Alice,
            new IncidentDeclared(title, 2, IncidentKind.Normal, new ChannelRef(PlatformNames.Console, "general"), new SeverityPolicy(), ["commander", "scribe"], ["commander"], [], null));
        var snapshot = new IncidentSnapshot(number, 1, title, 2, IncidentKind.Normal, IncidentStatus.Declared, PlatformNames.Console, when, null, null, declared.Hash);
        var newSteps = Enumerable.Range(1, steps)
            .Select(i => new NewStep($"{number}:post_card:{i}", number, PlatformNames.Console, "post_card", "{\"card\":" + i + "}", when))
            .ToList();
        return new CommitRequest(inboxKey ?? $"declare-{number}", number, 0, [declared], snapshot, newSteps, $"INC-{number} declared");
    }

    /// <summary>Appends one event to <paramref name="current"/> (optionally moving its status).</summary>
    public static CommitRequest Append(IncidentSnapshot current, EventData data, string? inboxKey, IncidentStatus? status = null, DateTimeOffset? at = null, IReadOnlyList<NewStep>? steps = null)
    {
        var e = EventChain.Append(current.Head, current.Number, current.Version + 1, at ?? T0.AddMinutes(current.Version), Alice, data);
        var next = current with { Version = e.Sequence, Head = e.Hash, Status = status ?? current.Status };
        return new CommitRequest(inboxKey, current.Number, current.Version, [e], next, steps ?? [], $"INC-{current.Number} updated");
    }

    public static CommitRequest Note(IncidentSnapshot current, string text, string? inboxKey = null) =>
        Append(current, new NoteAdded(text), inboxKey ?? $"note-{current.Number}-{current.Version + 1}");

    /// <summary>The snapshot a request leaves behind.</summary>
    public static IncidentSnapshot After(CommitRequest request) => request.Snapshot!;
}
