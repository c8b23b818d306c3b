using System.Net;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Teams.Connector;
using ImtBot.Teams.Graph;

namespace ImtBot.Teams.Outbound;

internal sealed partial class TeamsPlatform
{
    internal const string PrivateFallbackNotice =
        "This private incident runs in your chat with ImtBot: Microsoft Graph did not create a group chat for it (see the log), and a team channel would publish it.";

    /// <summary>
    /// A private incident gets a group chat of its Teams participants instead of a team channel: Graph creates the chat
    /// (a bot cannot create a group chat through the Bot Framework) and installs the bot's app in it, after which the
    /// chat id is the bot's conversation. Fewer than two participants on Teams, no <c>Teams:CatalogAppId</c>, or any Graph
    /// refusal: the incident runs in the declarer's 1:1 chat with the bot, which is private too — never in a team channel.
    /// </summary>
    private async Task<EffectOutcome> OpenPrivateChatAsync(EffectContext context, CancellationToken cancellationToken)
    {
        var incident = context.Incident;
        var members = incident.Insiders.Where(u => u.Platform == PlatformNames.Teams && !u.Id.StartsWith("29:", StringComparison.Ordinal))
            .Select(u => u.Id).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var catalogApp = options.Value.CatalogAppId;
        if (members.Count >= 2 && !string.IsNullOrWhiteSpace(catalogApp))
        {
            var permission = GraphPermissions.ChatCreate;
            try
            {
                var topic = $"{incident.Key} {incident.Title}";
                var chat = await OnceAsync(context, "chat", () => graph.CreateGroupChatAsync(topic.Length > 250 ? topic[..250] : topic, members, cancellationToken));
                permission = GraphPermissions.ChatInstallApp;
                await OnceAsync(context, "install", async () =>
                {
                    await graph.InstallAppInChatAsync(chat, catalogApp, cancellationToken);
                    return "";
                });
                var welcome = OutboundActivity.Mentioning([.. incident.Insiders.Where(u => u.Platform == PlatformNames.Teams)], $"this private chat is for {incident.Key}: {incident.Title}. Only its participants see it.");
                await OnceAsync(context, "welcome", () => connector.SendAsync(ServiceUrl(Team), chat, welcome, cancellationToken));
                return Opened(chat, TeamsLinks.ModeChat);
            }
            catch (ConnectorException e) when (IsRefused(e))
            {
                if (e.Status is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
                {
                    MissingPermission(e, permission, "private incident group chats");
                }
                else
                {
                    TeamsLog.EffectPartFailed(log, e, context.StepKey, "private group chat not created");
                }
            }
        }

        if (incident.DeclaredBy.Platform != PlatformNames.Teams)
        {
            return EffectOutcome.Failed($"{incident.Key} is private and was not declared by a Teams user: there is no private Teams chat to run it in");
        }

        var root = OutboundActivity.Text($"{incident.Key} {incident.Title}\n{PrivateFallbackNotice}");
        var direct = await OnceAsync(context, "direct", async () => (await SendDirectToAsync(incident.DeclaredBy, root, cancellationToken)).ConversationId);
        return Opened(direct, TeamsLinks.ModeChat);
    }

    /// <summary>People invited to a private incident join its group chat (with its history); the mention that follows notifies them.</summary>
    private async Task AddToPrivateChatAsync(EffectContext context, IReadOnlyList<UserRef> users, CancellationToken cancellationToken)
    {
        var chat = IncidentConversation(context)!;
        if (!chat.EndsWith("@thread.v2", StringComparison.Ordinal))
        {
            return; // the declarer's 1:1 chat: nobody can be added to it
        }

        foreach (var user in users.Where(u => !u.Id.StartsWith("29:", StringComparison.Ordinal)))
        {
            try
            {
                await OnceAsync(context, "member:" + user.Id, async () =>
                {
                    await graph.AddChatMemberAsync(chat, user.Id, cancellationToken);
                    return "";
                });
            }
            catch (ConnectorException e) when (IsRefused(e))
            {
                if (e.Status is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
                {
                    MissingPermission(e, GraphPermissions.ChatMemberAdd, "adding people to private incident chats");
                }
                else
                {
                    TeamsLog.EffectPartFailed(log, e, context.StepKey, $"{user} not added to the private chat");
                }
            }
        }
    }
}
