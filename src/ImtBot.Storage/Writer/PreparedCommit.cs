using ImtBot.Core.Ports;
using LiteDB;

namespace ImtBot.Storage.Writer;

/// <summary>
/// A validated commit with its documents built off the writer thread (only the head check and inserts remain); its
/// outbox steps are one group document, null when it has none.
/// </summary>
internal sealed record PreparedCommit(
    CommitRequest Request,
    IReadOnlyList<BsonDocument> Events,
    BsonDocument? Snapshot,
    BsonDocument? Steps,
    DateTimeOffset At);
