namespace ImtBot.Teams;

/// <summary>Protocol values the adapter relies on (docs/protocols.md, the Teams sections).</summary>
internal static class TeamsConstants
{
    public const string OpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string Issuer = "https://api.botframework.com";
    public const string LoginBase = "https://login.microsoftonline.com/";
    public const string MultiTenantAuthorityTenant = "botframework.com";
    public const string GraphBaseUrl = "https://graph.microsoft.com/v1.0/";
    public const string BotScope = "https://api.botframework.com/.default";
    public const string GraphScope = "https://graph.microsoft.com/.default";
    public const string DefaultServiceUrl = "https://smba.trafficmanager.net/teams/";
    public const string ChannelId = "msteams";
    public const string AdaptiveCardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";
    public const string CommandVerb = "imtbot.command";
    public const string TeamSetting = "teams:team";
    public const string ServiceUrlSetting = "teams:serviceUrl";
    public const string UserSetting = "teams:user";
    public const string ChannelsSetting = "teams:channels";
    public const string ConnectorClient = "teams-connector";
    public const string GraphClient = "teams-graph";
    public const string OpenIdClient = "teams-openid";
    public const string LoginClient = "teams-login";

    public static readonly string[] ConnectorHosts =
    [
        "smba.trafficmanager.net",
        "smba.infra.gcc.teams.microsoft.com",
        "smba.infra.gov.teams.microsoft.us",
    ];
}
