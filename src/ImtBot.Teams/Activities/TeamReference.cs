namespace ImtBot.Teams.Activities;

/// <summary>
/// Where the bot was added to a team (stored as the setting <c>teams:team</c>): the trusted serviceUrl, the team's
/// <c>19:</c> id (= its General channel), the Microsoft 365 group id Graph needs, the tenant and the bot's own id.
/// </summary>
public sealed record TeamReference(string ServiceUrl, string TeamId, string? TeamName, string? AadGroupId, string TenantId, string? BotId);
