using System.Diagnostics;
using ImtBot.Core.Ports;
using ImtBot.Storage.Documents;
using ImtBot.Storage.Writer;
using LiteDB;

namespace ImtBot.Storage;

public sealed partial class LiteIncidentStore
{
    /// <inheritdoc />
    /// <remarks>
    /// Refused (<see cref="StorageUnavailableException"/>, nothing written) while the disk has less than
    /// <see cref="StorageOptions.MinFreeBytes"/> free: what is left stays for the outbox and settings already under way,
    /// and a full disk recovers once space is freed instead of failing every write half-way.
    /// </remarks>
    public Task<CommitResult> CommitAsync(CommitRequest request, CancellationToken cancellationToken = default)
    {
        if (_space.Shortage() is { } shortage)
        {
            return Task.FromException<CommitResult>(new StorageUnavailableException($"New commands are refused: {shortage}."));
        }

        var started = Stopwatch.GetTimestamp();
        var prepared = CommitWork.Prepare(request, Now);
        return TimedAsync(_writer.Enqueue(db => CommitWork.Apply(db, prepared, _faults, _indexes), request, exclusive: false, cancellationToken), started);
    }

    /// <summary>The commit's latency as the caller sees it (queueing, applying, the shared checkpoint or log fsync).</summary>
    private async Task<CommitResult> TimedAsync(Task<CommitResult> commit, long started)
    {
        var result = await commit.ConfigureAwait(false);
        Meters.CommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        return result;
    }

    /// <inheritdoc />
    public InboxReply? FindInboxReply(string inboxKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(inboxKey);

        // As before the keys moved to memory: a store closed by a fault answers nothing (it throws, as every read
        // does), and an index not yet rebuilt for the engine now open answers no key.
        var generation = _host.Generation;
        _ = _host.Current;
        return _indexes.Inbox.FindCommitted(inboxKey, generation);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The cached value is replaced on the writer thread, in write order; if the write fails the key is dropped from
    /// the cache so the next read goes to the file.
    /// </remarks>
    public async Task SetSettingAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        try
        {
            await _writer.Enqueue(
                db =>
                {
                    db.GetCollection(Collections.Settings).Upsert(new BsonDocument { ["_id"] = key, ["value"] = value, ["at"] = Times.ToTicks(Now) });
                    _settings[key] = value;
                    return true;
                },
                null,
                exclusive: false,
                cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _settings.TryRemove(key, out _);
            throw;
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Settings (on-call lists, Teams service URLs) are read on every declaration, page and role change and written
    /// rarely, only through <see cref="SetSettingAsync"/> of this process (the lock file keeps others out), so they are
    /// cached — unset keys too — and the cache is emptied whenever the engine is reopened.
    /// </remarks>
    public string? GetSetting(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (_settings.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var stored = Db.GetCollection(Collections.Settings).FindById(key)?["value"].AsString;

        // A write racing this read has already put its value in (TryAdd keeps it) or will overwrite this one.
        return _settings.TryAdd(key, stored) ? stored : _settings.GetValueOrDefault(key);
    }
}
