namespace ImtBot.Teams.Graph;

/// <summary>A Teams channel as Graph returns it (<c>id</c> is <c>19:…@thread.tacv2</c>).</summary>
public sealed record GraphChannel(string Id, string DisplayName, string? Description);
