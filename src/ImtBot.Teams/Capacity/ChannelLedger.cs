using System.Text.Json;
using ImtBot.Core.Ports;
using ImtBot.Teams.Activities;

namespace ImtBot.Teams.Capacity;

/// <summary>
/// Counts the channels ImtBot created in each team against Teams' limit of 1,000 channels per team, where archived
/// channels count and deleted ones keep counting for 30 days. Kept in the settings store (durable, one entry per
/// team), so the count survives restarts; updates are serialised in this process, the store's only writer.
/// </summary>
internal sealed class ChannelLedger(ISettingsStore store, TimeProvider time)
{
    /// <summary>Teams' limit on channels per team, deleted channels of the last 30 days included.</summary>
    public const int ChannelsPerTeam = 1000;

    /// <summary>Admins are warned once a team holds this share of the limit.</summary>
    public const int WarnPercent = 80;

    public static readonly TimeSpan DeletedChannelsCountFor = TimeSpan.FromDays(30);

    private readonly SemaphoreSlim gate = new(1, 1);

    public static string SettingKey(string groupId) => $"{TeamsConstants.ChannelsSetting}:{groupId.ToLowerInvariant()}";

    /// <summary>The team's channels that count towards its limit now.</summary>
    public int Count(string groupId) => Counted(Read(groupId), time.GetUtcNow());

    /// <summary>Records a new channel; true the first time the team reaches <see cref="WarnPercent"/> of the limit (warn then).</summary>
    public async Task<(int Count, bool Warn)> RecordCreatedAsync(string groupId, string channelId, string incident, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            var ledger = Read(groupId);
            if (!ledger.Channels.Any(c => c.Id == channelId))
            {
                ledger.Channels.Add(new ChannelEntry(channelId, incident, now));
            }

            var count = Counted(ledger, now);
            var warn = ledger.WarnedAt is null && count * 100 >= ChannelsPerTeam * WarnPercent;
            await WriteAsync(groupId, warn ? ledger with { WarnedAt = now } : ledger, cancellationToken);
            return (count, warn);
        }
        finally
        {
            gate.Release();
        }
    }

    public Task RecordArchivedAsync(string groupId, string channelId, CancellationToken cancellationToken) =>
        UpdateAsync(groupId, channelId, (c, now) => c with { Archived = c.Archived ?? now }, cancellationToken);

    /// <summary>A deleted channel keeps counting for 30 days from now; one ImtBot did not create is added so it counts too.</summary>
    public Task RecordDeletedAsync(string groupId, string channelId, CancellationToken cancellationToken) =>
        UpdateAsync(groupId, channelId, (c, now) => c with { Deleted = c.Deleted ?? now }, cancellationToken, addIfMissing: true);

    private async Task UpdateAsync(string groupId, string channelId, Func<ChannelEntry, DateTimeOffset, ChannelEntry> change, CancellationToken cancellationToken, bool addIfMissing = false)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            var ledger = Read(groupId);
            var i = ledger.Channels.FindIndex(c => c.Id == channelId);
            if (i < 0 && !addIfMissing)
            {
                return;
            }

            if (i < 0)
            {
                ledger.Channels.Add(change(new ChannelEntry(channelId, null, now), now));
            }
            else
            {
                ledger.Channels[i] = change(ledger.Channels[i], now);
            }

            // Below the warning line again (channels deleted long enough ago): warn again the next time it is crossed.
            var warnedAt = Counted(ledger, now) * 100 < ChannelsPerTeam * WarnPercent ? null : ledger.WarnedAt;
            await WriteAsync(groupId, ledger with { WarnedAt = warnedAt }, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private static int Counted(TeamChannels ledger, DateTimeOffset now) =>
        ledger.Channels.Count(c => c.Deleted is not { } deleted || deleted > now - DeletedChannelsCountFor);

    private TeamChannels Read(string groupId) =>
        store.GetSetting(SettingKey(groupId)) is { } json
            ? JsonSerializer.Deserialize<TeamChannels>(json, ActivityJson.Options) ?? new TeamChannels([])
            : new TeamChannels([]);

    private Task WriteAsync(string groupId, TeamChannels ledger, CancellationToken cancellationToken)
    {
        // Channels deleted more than 30 days ago no longer count: forget them.
        var now = time.GetUtcNow();
        ledger.Channels.RemoveAll(c => c.Deleted is { } deleted && deleted <= now - DeletedChannelsCountFor);
        return store.SetSettingAsync(SettingKey(groupId), JsonSerializer.Serialize(ledger, ActivityJson.Options), cancellationToken);
    }
}
