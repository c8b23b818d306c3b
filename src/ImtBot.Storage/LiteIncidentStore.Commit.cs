using ImtBot.Core.Ports;
using ImtBot.Storage.Documents;
using ImtBot.Storage.Writer;
using LiteDB;

namespace ImtBot.Storage;

public sealed partial class LiteIncidentStore
{
    /// <inheritdoc />
    public Task<CommitResult> CommitAsync(CommitRequest request, CancellationToken cancellationToken = default)
    {
        var prepared = CommitWork.Prepare(request, Now);
        return _writer.Enqueue(db => CommitWork.Apply(db, prepared, _faults, _inbox), request, exclusive: false, cancellationToken);
    }

    /// <inheritdoc />
    public string? FindInboxReply(string inboxKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(inboxKey);
        return _inbox.FindCommitted(inboxKey, _host.Generation);
    }

    /// <inheritdoc />
    public Task SetSettingAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        return _writer.Enqueue(
            db => db.GetCollection(Collections.Settings).Upsert(new BsonDocument { ["_id"] = key, ["value"] = value, ["at"] = Times.ToTicks(Now) }),
            null,
            exclusive: false,
            cancellationToken);
    }

    /// <inheritdoc />
    public string? GetSetting(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return Db.GetCollection(Collections.Settings).FindById(key)?["value"].AsString;
    }
}
