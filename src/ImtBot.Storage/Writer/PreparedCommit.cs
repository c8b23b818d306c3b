using ImtBot.Core.Ports;
using LiteDB;

namespace ImtBot.Storage.Writer;

/// <summary>A validated commit with its documents built off the writer thread (only the head check and inserts remain).</summary>
internal sealed record PreparedCommit(
    CommitRequest Request,
    IReadOnlyList<BsonDocument> Events,
    BsonDocument? Snapshot,
    IReadOnlyList<BsonDocument> Steps,
    DateTimeOffset At);
