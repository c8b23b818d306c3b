namespace ImtBot.Teams;

/// <summary>How the bot's Entra app is registered (Azure Bot resource, "Type of App"); it decides where bot tokens come from.</summary>
public enum TeamsAppType
{
    /// <summary>Registered in one tenant: bot tokens come from <c>login.microsoftonline.com/{TenantId}</c>.</summary>
    SingleTenant,

    /// <summary>A multi-tenant registration: bot tokens come from <c>login.microsoftonline.com/botframework.com</c>.</summary>
    MultiTenant,
}
