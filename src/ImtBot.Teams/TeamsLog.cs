using Microsoft.Extensions.Logging;

namespace ImtBot.Teams;

/// <summary>Source-generated log messages. Tokens and secrets are never arguments.</summary>
internal static partial class TeamsLog
{
    [LoggerMessage(1, LogLevel.Information, "Teams signing keys loaded: {Count} keys")]
    public static partial void SigningKeysLoaded(ILogger logger, int count);

    [LoggerMessage(2, LogLevel.Warning, "Teams signing keys could not be loaded")]
    public static partial void SigningKeysFailed(ILogger logger, Exception exception);

    [LoggerMessage(3, LogLevel.Warning, "Teams request rejected with {Status}: {Reason}")]
    public static partial void Rejected(ILogger logger, int status, string reason);

    [LoggerMessage(4, LogLevel.Information, "Teams: the bot was added to team {TeamName} ({TeamId})")]
    public static partial void TeamStored(ILogger logger, string teamName, string teamId);

    [LoggerMessage(5, LogLevel.Warning, "Microsoft Graph refused to create a channel for {Incident} ({Status}); it runs in a thread of the team's General channel")]
    public static partial void ChannelFallback(ILogger logger, int status, string incident);

    [LoggerMessage(6, LogLevel.Warning, "Teams reply could not be sent")]
    public static partial void ReplyFailed(ILogger logger, Exception exception);

    [LoggerMessage(7, LogLevel.Information, "Teams app {Action} in conversation {Conversation}")]
    public static partial void Installation(ILogger logger, string action, string conversation);

    [LoggerMessage(8, LogLevel.Warning, "Teams effect {StepKey} failed")]
    public static partial void EffectFailed(ILogger logger, Exception exception, string stepKey);

    [LoggerMessage(9, LogLevel.Warning, "Teams activity could not be handled: {What}")]
    public static partial void ActivityFailed(ILogger logger, Exception exception, string what);

    [LoggerMessage(10, LogLevel.Warning, "Teams effect {StepKey}: {What}")]
    public static partial void EffectPartFailed(ILogger logger, Exception exception, string stepKey, string what);

    [LoggerMessage(11, LogLevel.Warning, "Microsoft Graph refused {Feature}: the app lacks the permission {Permission} (see the README's Teams permissions)")]
    public static partial void GraphPermissionMissing(ILogger logger, Exception exception, string permission, string feature);

    [LoggerMessage(12, LogLevel.Information, "Teams: a user's Teams id is not known yet and the team roster lookup failed; the 1:1 chat is created by Entra object id")]
    public static partial void UserLookupFailed(ILogger logger, Exception exception);

    [LoggerMessage(13, LogLevel.Warning, "Teams: team {Team} holds {Count} of its {Limit} channels; at {Line} new incidents run in threads. Add a team to Teams:IncidentTeamIds or delete old channels")]
    public static partial void TeamNearChannelLimit(ILogger logger, string team, int count, int limit, int line);

    [LoggerMessage(14, LogLevel.Warning, "Teams: every incident team holds {Line} or more channels; {Incident} runs in a thread of the incidents channel. Add a team to Teams:IncidentTeamIds or delete old channels")]
    public static partial void TeamsFull(ILogger logger, string incident, int line);
}
