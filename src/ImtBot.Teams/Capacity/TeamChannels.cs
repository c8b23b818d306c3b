namespace ImtBot.Teams.Capacity;

/// <summary>The stored ledger of one team's incident channels (setting <c>teams:channels:&lt;group id&gt;</c>).</summary>
internal sealed record TeamChannels(List<ChannelEntry> Channels, DateTimeOffset? WarnedAt = null);
