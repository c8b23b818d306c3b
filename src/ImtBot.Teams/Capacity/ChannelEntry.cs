namespace ImtBot.Teams.Capacity;

/// <summary>One channel ImtBot created in a team, with when it was created, archived and deleted (a deleted channel still counts for 30 days).</summary>
internal sealed record ChannelEntry(string Id, string? Incident, DateTimeOffset Created, DateTimeOffset? Archived = null, DateTimeOffset? Deleted = null);
