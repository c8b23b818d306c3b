using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using ImtBot.Core.Ports;
using ImtBot.Teams.Activities;
using ImtBot.Teams.Capacity;
using ImtBot.Teams.Connector;
using ImtBot.Teams.Graph;

namespace ImtBot.Teams.Outbound;

internal sealed partial class TeamsPlatform
{
    internal const string FallbackNotice =
        "Microsoft Graph did not create a channel for this incident, so this thread is the incident's channel.";

    private const int MaxNameAttempts = 5;

    private readonly ConcurrentDictionary<string, byte> permissionsLogged = new(StringComparer.Ordinal);

    /// <summary>
    /// A standard channel named <c>INC-n title</c> (adopted if it already exists for this incident), else a thread. Any
    /// refusal (4xx) from Graph — a name Teams does not accept, a missing permission, an unknown team — falls back to a
    /// thread with a notice; only throttling and gateway errors are tried again.
    /// </summary>
    private async Task<EffectOutcome> OpenChannelAsync(EffectContext context, CancellationToken cancellationToken)
    {
        if (context.Links.ContainsKey(TeamsLinks.Channel))
        {
            return EffectOutcome.Done();
        }

        var team = Team;
        var incident = context.Incident;
        if (incident.Private)
        {
            return await OpenPrivateChatAsync(context, cancellationToken);
        }

        if (team is null)
        {
            // Not added to a team yet: the conversation the incident was declared in serves as its channel.
            return Opened(incident.Origin.Id, TeamsLinks.ModeThread);
        }

        var placed = await OnceAsync(context, "team", () => Task.FromResult(ChooseTeam(team) switch
        {
            ({ } chosen, _) => chosen.AadGroupId!,
            (null, true) => Full,
            _ => "",
        }));
        if (placed == Full)
        {
            TeamsLog.TeamsFull(log, incident.Key, ChannelLedger.ChannelsPerTeam - options.Value.ChannelReserve);
            return await FallbackThreadAsync(context, team, 0, cancellationToken, TeamsFullNotice);
        }

        if (placed.Length == 0)
        {
            return await FallbackThreadAsync(context, team, HttpStatusCode.NotFound, cancellationToken);
        }

        var target = directory.FindTeam(placed) ?? team;
        var group = placed;

        var description = $"ImtBot incident {incident.Key}: {incident.Title}";
        if (description.Length > 1024)
        {
            description = description[..1024];
        }

        var permission = GraphPermissions.ChannelCreate;
        try
        {
            for (var n = 1; n <= MaxNameAttempts; n++)
            {
                var name = ChannelName.For(incident.Number, incident.Title, n, incident.Kind == ImtBot.Core.Incidents.IncidentKind.Drill);
                if (context.Attempt > 1 || n > 1)
                {
                    permission = GraphPermissions.ChannelRead;
                    var existing = await graph.FindChannelAsync(group, name, cancellationToken);
                    if (existing is not null)
                    {
                        if (IsOurs(existing, incident.Key))
                        {
                            return await OpenedInAsync(context, target, group, existing.Id, cancellationToken);
                        }

                        continue;
                    }
                }

                try
                {
                    permission = GraphPermissions.ChannelCreate;
                    var created = await graph.CreateChannelAsync(group, name, description, cancellationToken);
                    await WelcomeAsync(context, target, created.Id, cancellationToken);
                    return await OpenedInAsync(context, target, group, created.Id, cancellationToken);
                }
                catch (ConnectorException e) when (IsNameTaken(e))
                {
                    permission = GraphPermissions.ChannelRead;
                    var existing = await graph.FindChannelAsync(group, name, cancellationToken);
                    if (existing is not null && IsOurs(existing, incident.Key))
                    {
                        return await OpenedInAsync(context, target, group, existing.Id, cancellationToken);
                    }
                }
            }
        }
        catch (ConnectorException e) when (IsRefused(e))
        {
            if (e.Status is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
            {
                MissingPermission(e, permission, "incident channels");
            }

            return await FallbackThreadAsync(context, team, e.Status, cancellationToken);
        }

        return EffectOutcome.Failed($"no free channel name for {incident.Key} after {MaxNameAttempts} tries");
    }

    /// <summary>
    /// Members of a team see its standard channels without an invitation; the declarer is @mentioned in the new channel
    /// so it shows up in their activity feed. Best effort: a refused post does not fail the channel.
    /// </summary>
    private async Task WelcomeAsync(EffectContext context, TeamReference team, string channelId, CancellationToken cancellationToken)
    {
        var incident = context.Incident;
        if (incident.DeclaredBy.Platform != Core.Platforms.PlatformNames.Teams)
        {
            return;
        }

        try
        {
            var welcome = OutboundActivity.Mentioning([incident.DeclaredBy], $"this channel is for {incident.Key}: {incident.Title}.");
            await OnceAsync(context, "welcome", () => connector.SendAsync(ServiceUrl(team), channelId, welcome, cancellationToken));
        }
        catch (ConnectorException e) when (!e.IsTransient)
        {
            TeamsLog.EffectPartFailed(log, e, context.StepKey, "welcome message not posted");
        }
    }

    private async Task<EffectOutcome> FallbackThreadAsync(EffectContext context, TeamReference team, HttpStatusCode status, CancellationToken cancellationToken, string notice = FallbackNotice)
    {
        var incident = context.Incident;
        if (status != 0)
        {
            TeamsLog.ChannelFallback(log, (int)status, incident.Key);
        }

        var root = OutboundActivity.Text($"{incident.Key} {incident.Title}\n{notice}");
        var thread = await OnceAsync(context, "thread", async () =>
        {
            var created = await connector.CreateConversationAsync(ServiceUrl(team), ChannelPost(team, team.TeamId, root), cancellationToken);
            return ThreadId(created);
        });
        return Opened(thread, TeamsLinks.ModeThread);
    }

    /// <summary>
    /// The closing message is always posted; the channel is then archived when Graph lets us (the application permission
    /// <c>ChannelSettings.ReadWrite.All</c>). Without it the channel stays open and the log says once what to grant.
    /// </summary>
    private async Task<EffectOutcome> ArchiveAsync(EffectContext context, CancellationToken cancellationToken)
    {
        if (IncidentConversation(context) is not { } channel)
        {
            return EffectOutcome.Done();
        }

        var incident = context.Incident;
        var closing = OutboundActivity.Text($"{incident.Key} is {incident.Status.ToString().ToLowerInvariant()}. This conversation is kept as the incident's record; please continue elsewhere.");
        await OnceAsync(context, "closing", () => SendToIncidentAsync(context, closing, cancellationToken));

        if (context.Links.GetValueOrDefault(TeamsLinks.ChannelMode) == TeamsLinks.ModeChannel && TeamOf(context)?.AadGroupId is { } group)
        {
            try
            {
                await graph.ArchiveChannelAsync(group, channel, cancellationToken);
                await ledger.RecordArchivedAsync(group, channel, cancellationToken);
            }
            catch (ConnectorException e) when (e.Status is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
            {
                MissingPermission(e, GraphPermissions.ChannelArchive, "archiving closed incident channels");
            }
            catch (ConnectorException e) when (!e.IsTransient)
            {
                TeamsLog.EffectPartFailed(log, e, context.StepKey, "channel not archived");
            }
        }

        return EffectOutcome.Done();
    }

    /// <summary>Logs once per permission (per process) that Graph refused a call for want of it.</summary>
    private void MissingPermission(ConnectorException e, string permission, string feature)
    {
        if (permissionsLogged.TryAdd(permission, 0))
        {
            TeamsLog.GraphPermissionMissing(log, e, permission, feature);
        }
    }

    private static bool IsRefused(ConnectorException e) => !e.IsTransient && (int)e.Status is >= 400 and < 500;

    private static EffectOutcome Opened(string channel, string mode) => EffectOutcome.Done(new Dictionary<string, string>
    {
        [TeamsLinks.Channel] = channel,
        [TeamsLinks.ChannelMode] = mode,
    });

    private static bool IsOurs(GraphChannel channel, string key) =>
        channel.Description?.Contains(key + ":", StringComparison.OrdinalIgnoreCase) == true;

    internal static bool IsNameTaken(ConnectorException e) =>
        e.Status == HttpStatusCode.Conflict
        || (e.Status == HttpStatusCode.BadRequest
            && (e.Code?.Contains("NameAlreadyExists", StringComparison.OrdinalIgnoreCase) == true
                || e.Message.Contains("already exist", StringComparison.OrdinalIgnoreCase)));

    /// <summary>ConversationParameters that start a new post (thread) in a Teams channel.</summary>
    private JsonObject ChannelPost(TeamReference? team, string channelId, JsonObject activity) => new()
    {
        ["isGroup"] = true,
        ["bot"] = new JsonObject { ["id"] = BotId },
        ["channelData"] = new JsonObject
        {
            ["channel"] = new JsonObject { ["id"] = channelId },
            ["tenant"] = new JsonObject { ["id"] = TenantId(team) },
        },
        ["activity"] = activity,
    };

    /// <summary>The thread id of a new channel post: <c>19:…@thread.tacv2;messageid=&lt;activityId&gt;</c>.</summary>
    private static string ThreadId(ConversationResource created) =>
        created.Id.Contains(";messageid=", StringComparison.Ordinal) || created.ActivityId is null
            ? created.Id
            : $"{created.Id};messageid={created.ActivityId}";
}
