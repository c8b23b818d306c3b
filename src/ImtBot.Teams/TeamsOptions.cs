namespace ImtBot.Teams;

/// <summary>
/// The <c>Teams</c> configuration section. Teams is on when <see cref="AppId"/> and <see cref="AppPassword"/> are set.
/// Every URL can point at a local fake (<c>https://127.0.0.1:port/…</c>) so the real client code runs in tests;
/// there is deliberately no setting that turns inbound authentication off.
/// </summary>
public sealed class TeamsOptions
{
    public const string SectionName = "Teams";

    /// <summary>The bot's Microsoft App ID (Entra application id, a GUID): the expected token audience.</summary>
    /// <value>The default is unset: Teams is off.</value>
    public string AppId { get; set; } = "";

    /// <summary>The client secret of the Entra application (never logged).</summary>
    /// <value>The default is unset: Teams is off.</value>
    public string AppPassword { get; set; } = "";

    /// <summary>The home tenant: MSAL authority and the first allowed tenant. Required when Teams is on.</summary>
    /// <value>The default is unset.</value>
    public string TenantId { get; set; } = "";

    /// <summary>More tenants whose activities are accepted (besides <see cref="TenantId"/>).</summary>
    /// <value>The default is none.</value>
    public List<string> AllowedTenants { get; set; } = [];

    /// <summary>The Microsoft 365 group id (or Teams <c>19:</c> team id) of the team that gets incident channels.</summary>
    /// <value>The default is empty: the team the bot was added to.</value>
    public string IncidentTeamId { get; set; } = "";

    /// <summary>
    /// Several teams to spread incident channels over (Microsoft 365 group ids or <c>19:</c> team ids): each new channel
    /// goes to the one with the fewest channels. <see cref="IncidentTeamId"/>, when set, is the first of them.
    /// </summary>
    /// <value>The default is none: only <see cref="IncidentTeamId"/> (or the team the bot was added to).</value>
    public List<string> IncidentTeamIds { get; set; } = [];

    /// <summary>
    /// Channels left free in each team below Teams' 1,000 (for the team's own channels, which ImtBot does not count):
    /// once every incident team holds 1,000 minus this many incident channels, new incidents run in threads.
    /// </summary>
    /// <value>The default is 50.</value>
    public int ChannelReserve { get; set; } = 50;

    /// <summary>
    /// The bot app's id in your organisation's app catalog (Teams admin centre → Manage apps → the app → App ID), which
    /// differs from <see cref="AppId"/>: a private incident's group chat gets the app installed by this id.
    /// </summary>
    /// <value>The default is empty: private incidents run in the declarer's 1:1 chat with the bot.</value>
    public string CatalogAppId { get; set; } = "";

    /// <summary>Optional channel id (<c>19:…@thread.tacv2</c>) for announcements.</summary>
    /// <value>The default is empty: the team's General channel.</value>
    public string AnnouncementsChannelId { get; set; } = "";

    /// <summary>Where the Bot Framework signing keys are found (docs/protocols.md §Teams inbound).</summary>
    /// <value>The default is <c>https://login.botframework.com/v1/.well-known/openidconfiguration</c>.</value>
    public string OpenIdMetadataUrl { get; set; } = TeamsConstants.OpenIdMetadataUrl;

    /// <summary>How the bot's app is registered; it picks the default <see cref="Authority"/>.</summary>
    /// <value>The default is <see cref="TeamsAppType.SingleTenant"/>.</value>
    public TeamsAppType AppType { get; set; } = TeamsAppType.SingleTenant;

    /// <summary>The MSAL authority the bot's Connector tokens come from.</summary>
    /// <value>
    /// The default is empty, which means <c>https://login.microsoftonline.com/{TenantId}</c> for a single-tenant app and
    /// <c>https://login.microsoftonline.com/botframework.com</c> for a multi-tenant one.
    /// </value>
    public string Authority { get; set; } = "";

    /// <summary>The Microsoft Graph base URL (channels, channel messages).</summary>
    /// <value>The default is <c>https://graph.microsoft.com/v1.0/</c>.</value>
    public string GraphBaseUrl { get; set; } = TeamsConstants.GraphBaseUrl;

    /// <summary>
    /// Hosts a bot token may be sent to (serviceUrl trust list), on https port 443 — or <c>host:port</c> for another
    /// port; configured hosts are added to the defaults.
    /// </summary>
    /// <value>The default is the public, GCC and GCC High Teams service hosts.</value>
    public List<string> ConnectorAllowedHosts { get; set; } = [.. TeamsConstants.ConnectorHosts];

    /// <summary>The largest accepted <c>/api/messages</c> body in bytes.</summary>
    /// <value>The default is 1 MiB.</value>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Messages per second per conversation (Teams allows 7; docs/protocols.md §Teams limits).</summary>
    /// <value>The default is 7.</value>
    public int ConversationMessagesPerSecond { get; set; } = 7;

    /// <summary>Bot Connector requests per second per tenant, across all its conversations (Teams allows 30; docs/protocols.md §Teams limits).</summary>
    /// <value>The default is 30.</value>
    public int TenantRequestsPerSecond { get; set; } = 30;

    public static bool IsConfigured(string? appId, string? appPassword) =>
        !string.IsNullOrWhiteSpace(appId) && !string.IsNullOrWhiteSpace(appPassword);

    /// <summary>Where Bot Connector tokens come from (docs/protocols.md §Teams Connector).</summary>
    public string EffectiveAuthority =>
        !string.IsNullOrWhiteSpace(Authority) ? Authority
        : AppType == TeamsAppType.MultiTenant ? TeamsConstants.LoginBase + TeamsConstants.MultiTenantAuthorityTenant
        : TeamsConstants.LoginBase + TenantId;

    /// <summary>
    /// Where Graph tokens come from: always the tenant whose team gets the channels, on the same login host as
    /// <see cref="EffectiveAuthority"/> (a multi-tenant app's botframework.com token is no use to that tenant's Graph).
    /// </summary>
    public string GraphAuthority =>
        AppType == TeamsAppType.SingleTenant || !Uri.TryCreate(EffectiveAuthority, UriKind.Absolute, out var login)
            ? EffectiveAuthority
            : new Uri(login, "/" + TenantId).AbsoluteUri;

    /// <summary><see cref="IncidentTeamId"/> then <see cref="IncidentTeamIds"/>, each once.</summary>
    public IReadOnlyList<string> IncidentTeams =>
        [.. new[] { IncidentTeamId }.Concat(IncidentTeamIds).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];

    public IReadOnlySet<string> Tenants =>
        new HashSet<string>(AllowedTenants.Append(TenantId).Where(t => !string.IsNullOrWhiteSpace(t)), StringComparer.OrdinalIgnoreCase);
}
