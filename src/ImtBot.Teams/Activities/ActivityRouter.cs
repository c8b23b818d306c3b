using System.Collections.Concurrent;
using System.Text.Json;
using ImtBot.Cards;
using ImtBot.Core.Commands;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Teams.Capacity;
using ImtBot.Teams.Connector;
using ImtBot.Teams.Outbound;
using Microsoft.Extensions.Logging;

namespace ImtBot.Teams.Activities;

/// <summary>
/// Handles an authenticated activity: <c>message</c> → command (reply in the thread), <c>conversationUpdate</c> /
/// <c>installationUpdate</c> → remember the team, <c>invoke adaptiveCard/action</c> → command, answered with the refreshed
/// card in the HTTP body. Commands are deduplicated by the core's inbox on <c>teams:{activity.id}:{conversation.id}</c>.
/// The router only translates: activity → <see cref="ChatCommand"/>, reply → activity; the core finds the incident.
/// </summary>
internal sealed class ActivityRouter(
    ICommandHandler commands,
    IIncidentReader reader,
    IIncidentCards cards,
    TeamDirectory directory,
    ConnectorClient connector,
    ILogger<ActivityRouter> log,
    ChannelLedger ledger,
    IAlertPageReader? alertPages = null,
    TimeProvider? time = null)
{
    private readonly ConcurrentDictionary<string, string> aadIds = new(StringComparer.Ordinal);

    /// <summary>Replies sent after the HTTP answer (tests wait on them).</summary>
    internal event Action<Task>? ReplyStarted;

    public async Task<ActivityResult> RouteAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.TenantId is { } tenant && activity.ServiceUrl is { } serviceUrl)
        {
            await directory.RememberServiceUrlAsync(tenant, serviceUrl, cancellationToken);
        }

        if (activity.From is { AadObjectId: { Length: > 0 } aad, Id: { } userId })
        {
            await directory.RememberUserAsync(aad, userId, cancellationToken);
        }

        return activity.Type switch
        {
            "message" => await OnMessageAsync(activity, cancellationToken),
            "conversationUpdate" => await OnConversationUpdateAsync(activity, cancellationToken),
            "installationUpdate" => await OnInstallationUpdateAsync(activity, cancellationToken),
            "invoke" when activity.Name == "adaptiveCard/action" => await OnCardActionAsync(activity, cancellationToken),
            "invoke" => new ActivityResult(200, InvokeResponses.Error(400, "NotSupported", $"ImtBot does not handle {activity.Name}.")),
            _ => ActivityResult.Ok,
        };
    }

    private async Task<ActivityResult> OnMessageAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Conversation?.Id is null || activity.From is null)
        {
            return new ActivityResult(400);
        }

        if (!IsForTheBot(activity))
        {
            return ActivityResult.Ok; // with RSC the bot sees every channel message: only @mentions are commands
        }

        // A card button from a client without Universal Actions arrives here (Action.Submit): its value carries the
        // command and the card's inputs, read by the same rule as the invoke path.
        var (submitted, refused, _) = CardAction.ReadSubmit(activity.Value);
        if (refused.Length > 0)
        {
            return new ActivityResult(400);
        }

        var text = submitted ?? await MentionText.ToCommandTextAsync(activity, m => ResolveAadIdAsync(activity, m));

        if (text.Length == 0)
        {
            text = "help";
        }

        // A redelivery (the Bot Connector retries when it got no answer in time) is applied once by the inbox; its
        // reply was already posted in the thread, so it is not posted again.
        // The review form's Save from a client without Universal Actions: its inputs are the command, as on the invoke path.
        var reply = CardAction.ReviewForm(activity.Value, submitted: true) is { } review
            ? await commands.HandleParsedAsync(review, Command(activity, "review form " + review.Incident), cancellationToken)
            : await commands.HandleAsync(Command(activity, text), cancellationToken);
        if (reply.Redelivered)
        {
            return ActivityResult.Ok;
        }

        var serviceUrl = activity.ServiceUrl!;
        var conversation = activity.Conversation.Id;
        var replyTo = activity.Id;
        var task = Task.Run(async () =>
        {
            try
            {
                // The plan's checklist comes as its card (a Done button per open task), the text as its summary.
                var message = reply.Card == ReplyCards.Checklist && reply.Incident is { } number && reader.Get(number) is { } incident
                    ? OutboundActivity.Card(cards.Checklist(PlatformNames.Teams, incident), reply.Text)
                    : OutboundActivity.Text(reply.Text);
                _ = replyTo is null
                    ? await connector.SendAsync(serviceUrl, conversation, message, CancellationToken.None)
                    : await connector.ReplyAsync(serviceUrl, conversation, replyTo, message, CancellationToken.None);
            }
            catch (ConnectorException e)
            {
                TeamsLog.ReplyFailed(log, e);
            }
        }, CancellationToken.None);
        ReplyStarted?.Invoke(task);
        return ActivityResult.Ok;
    }

    private async Task<ActivityResult> OnCardActionAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Conversation?.Id is null || activity.From is null)
        {
            return new ActivityResult(200, InvokeResponses.Error(400, "BadRequest", "The invoke has no conversation or sender."));
        }

        if (CardAction.ReviewForm(activity.Value) is { } review)
        {
            // The review form's Save: the inputs are the command, not text appended to one. The answer is the reply, which
            // says what was recorded (or which field is wrong, with nothing changed).
            var saved = await commands.HandleParsedAsync(review, Command(activity, "review form " + review.Incident), cancellationToken);
            return new ActivityResult(200, InvokeResponses.Message(saved.Text));
        }

        var (text, code, message) = CardAction.Read(activity.Value);
        if (text is null)
        {
            return new ActivityResult(200, InvokeResponses.Error(400, code, message));
        }

        var reply = await commands.HandleAsync(Command(activity, text), cancellationToken);
        if (reply.Accepted && reply.AlertPage is { } alertNumber && alertPages?.Get(alertNumber) is { } alertPage
            && CardRefresh.For(cards, CardAction.Clicked(activity.Value), alertPage, (time ?? TimeProvider.System).GetUtcNow()) is { } alertCard)
        {
            return new ActivityResult(200, InvokeResponses.Card(alertCard));
        }

        if (reply.Accepted && reply.Incident is { } number && reader.Get(number) is { } state
            && CardRefresh.For(cards, CardAction.Clicked(activity.Value), state, ConversationChannel.IsGeneralThread(activity)) is { } card)
        {
            return new ActivityResult(200, InvokeResponses.Card(card));
        }

        return new ActivityResult(200, InvokeResponses.Message(reply.Text));
    }

    private async Task<ActivityResult> OnConversationUpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        var botAdded = activity.MembersAdded?.Any(m => m.Id is not null && m.Id == activity.Recipient?.Id) == true;
        if (botAdded && activity.ChannelData?.Team is not null)
        {
            await StoreTeamAsync(activity, cancellationToken);
        }

        // A deleted channel keeps counting towards the team's 1,000 for 30 days (Teams tells the bot when one goes).
        if (activity.ChannelData is { EventType: "channelDeleted", Team: { } team, Channel.Id: { } channel }
            && (team.AadGroupId ?? (team.Id is null ? null : directory.FindTeam(team.Id)?.AadGroupId)) is { Length: > 0 } group)
        {
            await ledger.RecordDeletedAsync(group, channel, cancellationToken);
        }

        return ActivityResult.Ok;
    }

    private async Task<ActivityResult> OnInstallationUpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        TeamsLog.Installation(log, activity.Action ?? "update", activity.Conversation?.Id ?? "?");
        if (activity.Action is "add" or "add-upgrade" && activity.ChannelData?.Team is not null)
        {
            await StoreTeamAsync(activity, cancellationToken);
        }

        return ActivityResult.Ok;
    }

    private async Task StoreTeamAsync(Activity activity, CancellationToken cancellationToken)
    {
        var team = activity.ChannelData!.Team!;
        var tenant = activity.TenantId;
        if (team.Id is null || tenant is null || activity.ServiceUrl is null)
        {
            return;
        }

        var groupId = team.AadGroupId;
        var name = team.Name;
        if (string.IsNullOrEmpty(groupId))
        {
            try
            {
                var details = await connector.GetTeamAsync(activity.ServiceUrl, team.Id, cancellationToken);
                groupId = details.AadGroupId;
                name ??= details.Name;
            }
            catch (ConnectorException e)
            {
                TeamsLog.ActivityFailed(log, e, "team details");
            }
        }

        var by = activity.From is { } from ? new UserRef(PlatformNames.Teams, from.AadObjectId ?? from.Id ?? "unknown", from.Name ?? "someone") : null;
        await directory.SaveTeamAsync(new TeamReference(activity.ServiceUrl, team.Id, name, groupId, tenant, activity.Recipient?.Id), cancellationToken, by);
        TeamsLog.TeamStored(log, name ?? "(unnamed)", team.Id);
    }

    private static bool IsForTheBot(Activity activity) =>
        activity.Conversation?.ConversationType is not ("channel" or "groupChat")
        || activity.Value is { ValueKind: JsonValueKind.Object }
        || activity.Entities?.Any(e => string.Equals(e.Type, "mention", StringComparison.OrdinalIgnoreCase)
            && e.Mentioned?.Id is { } id && string.Equals(id, activity.Recipient?.Id, StringComparison.OrdinalIgnoreCase)) == true;

    private static ChatCommand Command(Activity activity, string text)
    {
        var from = activity.From!;
        var conversation = activity.Conversation!.Id!;
        var actor = new UserRef(PlatformNames.Teams, from.AadObjectId ?? from.Id ?? "unknown", from.Name ?? "someone");
        return new ChatCommand(text, actor, new ChannelRef(PlatformNames.Teams, ConversationChannel.Of(activity)), $"teams:{activity.Id}:{conversation}");
    }

    private async Task<string?> ResolveAadIdAsync(Activity activity, ChannelAccount mentioned)
    {
        if (!string.IsNullOrEmpty(mentioned.AadObjectId))
        {
            return mentioned.AadObjectId;
        }

        if (mentioned.Id is null || !mentioned.Id.StartsWith("29:", StringComparison.Ordinal))
        {
            return null;
        }

        if (aadIds.TryGetValue(mentioned.Id, out var known))
        {
            return known;
        }

        try
        {
            var member = await connector.GetMemberAsync(activity.ServiceUrl!, activity.Conversation!.Id!, mentioned.Id, CancellationToken.None);
            if (member?.AadObjectId is { } aad)
            {
                aadIds[mentioned.Id] = aad;
                await directory.RememberUserAsync(aad, mentioned.Id, CancellationToken.None);
                return aad;
            }
        }
        catch (ConnectorException e)
        {
            TeamsLog.ActivityFailed(log, e, "member lookup");
        }

        return null;
    }
}
