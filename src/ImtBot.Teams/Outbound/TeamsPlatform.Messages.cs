using System.Net;
using System.Text.Json.Nodes;
using ImtBot.Cards.Models;
using ImtBot.Core.Effects;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Teams.Connector;

namespace ImtBot.Teams.Outbound;

internal sealed partial class TeamsPlatform
{
    /// <summary>Posts the incident card the first time (a new post in the channel, or into the thread), then <c>PUT</c>s it.</summary>
    private async Task<EffectOutcome> SyncCardAsync(EffectContext context, CancellationToken cancellationToken)
    {
        if (IncidentConversation(context) is not { } channel)
        {
            return ChannelNotOpen();
        }

        var team = TeamOf(context);
        var thread = context.Links.GetValueOrDefault(TeamsLinks.ChannelMode) != TeamsLinks.ModeChannel;
        var inFallbackThread = context.Links.GetValueOrDefault(TeamsLinks.ChannelMode) == TeamsLinks.ModeThread && team is not null;
        var card = TeamsIncidentCard.Render(cards, context.Incident, inFallbackThread);
        var message = OutboundActivity.Card(card, $"{context.Incident.Key} {context.Incident.Title}");
        if (context.Links.TryGetValue(TeamsLinks.Activity, out var activityId)
            && context.Links.TryGetValue(TeamsLinks.CardConversation, out var cardConversation))
        {
            try
            {
                await connector.UpdateAsync(ServiceUrl(team), cardConversation, activityId, message, cancellationToken);
                return EffectOutcome.Done();
            }
            catch (ConnectorException e) when (e.Status == HttpStatusCode.NotFound)
            {
                // The card was deleted: post it again below.
            }
        }

        if (!context.Links.ContainsKey(TeamsLinks.Activity) && context.Attempt > 1 && !thread
            && await FindPostedCardAsync(context, channel, cancellationToken) is { } found)
        {
            return EffectOutcome.Done(new Dictionary<string, string>
            {
                [TeamsLinks.Activity] = found,
                [TeamsLinks.CardConversation] = $"{channel};messageid={found}",
            });
        }

        string conversation;
        string posted;
        if (thread)
        {
            conversation = channel;
            posted = await connector.SendAsync(ServiceUrl(team), channel, message, cancellationToken);
        }
        else
        {
            var created = await connector.CreateConversationAsync(ServiceUrl(team), ChannelPost(team, channel, message), cancellationToken);
            conversation = ThreadId(created);
            posted = created.ActivityId ?? conversation.Split(";messageid=", 2).ElementAtOrDefault(1) ?? created.Id;
        }

        return EffectOutcome.Done(new Dictionary<string, string>
        {
            [TeamsLinks.Activity] = posted,
            [TeamsLinks.CardConversation] = conversation,
        });
    }

    /// <summary>
    /// An earlier attempt may have posted the card without us learning its id: look for it among the channel's newest
    /// posts (Graph, RSC <c>ChannelMessage.Read.Group</c>). Without that permission we post again.
    /// </summary>
    private async Task<string?> FindPostedCardAsync(EffectContext context, string channel, CancellationToken cancellationToken)
    {
        if (TeamOf(context)?.AadGroupId is not { } group)
        {
            return null;
        }

        try
        {
            var marker = IncidentCardModel.MarkerFor(context.Incident.Number);
            var messages = await graph.RecentMessagesAsync(group, channel, 20, cancellationToken);
            return messages.FirstOrDefault(m => string.Equals(m.FromAppId, options.Value.AppId, StringComparison.OrdinalIgnoreCase)
                && m.Attachments.Any(a => a.Contains('"' + marker + '"', StringComparison.Ordinal)))?.Id;
        }
        catch (ConnectorException e) when (!e.IsTransient)
        {
            TeamsLog.EffectPartFailed(log, e, context.StepKey, "cannot list channel messages to reconcile");
            return null;
        }
    }

    /// <summary>Teams channels in a team need no invitation: mention the people so they are notified.</summary>
    private async Task<EffectOutcome> InviteAsync(EffectContext context, InviteUsers effect, CancellationToken cancellationToken)
    {
        var users = effect.Users.Where(u => u.Platform == PlatformNames.Teams).ToList();
        if (users.Count == 0)
        {
            return EffectOutcome.Done();
        }

        if (IncidentConversation(context) is null)
        {
            return ChannelNotOpen();
        }

        var incident = context.Incident;
        if (context.Links.GetValueOrDefault(TeamsLinks.ChannelMode) == TeamsLinks.ModeChat)
        {
            await AddToPrivateChatAsync(context, users, cancellationToken);
        }

        await SendToIncidentAsync(context, OutboundActivity.Mentioning(users, $"you are invited to {incident.Key}: {incident.Title}."), cancellationToken);
        return EffectOutcome.Done();
    }

    private async Task<EffectOutcome> PostTextAsync(EffectContext context, string text, CancellationToken cancellationToken)
    {
        if (IncidentConversation(context) is null)
        {
            return ChannelNotOpen();
        }

        await SendToIncidentAsync(context, OutboundActivity.Text(text), cancellationToken);
        return EffectOutcome.Done();
    }

    private async Task<EffectOutcome> PostStatusUpdateAsync(EffectContext context, PostStatusUpdate effect, CancellationToken cancellationToken)
    {
        var incident = context.Incident;
        var update = incident.Updates.LastOrDefault(u => u.Text == effect.Text && u.By.Equals(effect.By))
            ?? new StatusUpdate(time.GetUtcNow(), effect.By, effect.Text);
        var card = cards.StatusUpdate(PlatformNames.Teams, incident, update);
        var summary = $"{incident.Key} update";
        if (IncidentConversation(context) is not null)
        {
            await OnceAsync(context, "channel", () => SendToIncidentAsync(context, OutboundActivity.Card(card, summary), cancellationToken));
        }

        // A private incident's update stays in its own chat: the announcements channel only learns it exists (Announce).
        if (!incident.Private)
        {
            await OnceAsync(context, "announce", () => SendToAnnouncementsAsync(OutboundActivity.Card(card, summary), cancellationToken));
        }

        return EffectOutcome.Done();
    }

    private async Task<EffectOutcome> AnnounceAsync(EffectContext context, Announce effect, CancellationToken cancellationToken)
    {
        await SendToAnnouncementsAsync(OutboundActivity.Text(effect.Text), cancellationToken);
        return EffectOutcome.Done();
    }

    private async Task<EffectOutcome> NotifyAsync(EffectContext context, NotifyUser effect, CancellationToken cancellationToken)
    {
        if (effect.To.Platform != PlatformNames.Teams)
        {
            return EffectOutcome.Failed($"{effect.To} is not a Teams user");
        }

        await SendDirectAsync(effect.To, OutboundActivity.Text(effect.Text), cancellationToken);
        return EffectOutcome.Done();
    }

    private async Task<EffectOutcome> PostReviewAsync(EffectContext context, CancellationToken cancellationToken)
    {
        if (IncidentConversation(context) is null)
        {
            return ChannelNotOpen();
        }

        var card = cards.Review(PlatformNames.Teams, context.Incident);
        await SendToIncidentAsync(context, OutboundActivity.Card(card, $"{context.Incident.Key} review"), cancellationToken);
        return EffectOutcome.Done();
    }

    /// <summary>A new post in the incident channel, or a reply in the incident thread.</summary>
    private Task<string> SendToIncidentAsync(EffectContext context, JsonObject activity, CancellationToken cancellationToken) =>
        connector.SendAsync(ServiceUrl(TeamOf(context)), IncidentConversation(context)!, activity, cancellationToken);

    /// <summary>The announcements channel (<c>Teams:AnnouncementsChannelId</c>, else the team's General channel); nothing without a team.</summary>
    private async Task<string> SendToAnnouncementsAsync(JsonObject activity, CancellationToken cancellationToken)
    {
        var team = Team;
        var channel = string.IsNullOrWhiteSpace(options.Value.AnnouncementsChannelId) ? team?.TeamId : options.Value.AnnouncementsChannelId;
        if (channel is null)
        {
            return "";
        }

        return await connector.SendAsync(ServiceUrl(team), channel, activity, cancellationToken);
    }

    /// <summary>Creates (or reopens) the 1:1 chat with a user by their Teams id (<c>29:…</c>) and sends into it.</summary>
    private async Task<string> SendDirectAsync(UserRef user, JsonObject activity, CancellationToken cancellationToken) =>
        (await SendDirectToAsync(user, activity, cancellationToken)).ActivityId;

    /// <summary>As <see cref="SendDirectAsync"/>, also saying which conversation the activity went to (to edit it later).</summary>
    private async Task<(string ConversationId, string ActivityId)> SendDirectToAsync(UserRef user, JsonObject activity, CancellationToken cancellationToken)
    {
        var team = Team;
        var tenant = TenantId(team);
        var member = await TeamsUserIdAsync(user, team, cancellationToken);
        var key = (tenant, member);
        try
        {
            if (!directChats.TryGetValue(key, out var chat))
            {
                var parameters = new JsonObject
                {
                    ["isGroup"] = false,
                    ["bot"] = new JsonObject { ["id"] = BotId },
                    ["members"] = new JsonArray(new JsonObject { ["id"] = member }),
                    ["tenantId"] = tenant,
                    ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant } },
                };
                chat = (await connector.CreateConversationAsync(ServiceUrl(team), parameters, cancellationToken)).Id;
                directChats[key] = chat;
            }

            return (chat, await connector.SendAsync(ServiceUrl(team), chat, activity, cancellationToken));
        }
        catch (ConnectorException e) when (e.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            directChats.TryRemove(key, out _); // blocked or uninstalled: ask Teams again next time
            throw new ConnectorException($"{user} cannot get a direct message from ImtBot (blocked, or the app is not installed for them): {e.Code}", e.Status, e.Code);
        }
    }
}
