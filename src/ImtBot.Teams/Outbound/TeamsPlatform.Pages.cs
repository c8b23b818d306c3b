using System.Net;
using System.Text.Json.Nodes;
using ImtBot.Core.Effects;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Teams.Connector;
using Microsoft.Extensions.Logging;

namespace ImtBot.Teams.Outbound;

internal sealed partial class TeamsPlatform
{
    /// <summary>A 1:1 page card with Acknowledge / Decline, and a mention of the person in the incident channel.</summary>
    private async Task<EffectOutcome> SendPageAsync(EffectContext context, SendPage effect, CancellationToken cancellationToken)
    {
        var link = TeamsLinks.Page(effect.PageId);
        if (context.Links.ContainsKey(link))
        {
            return EffectOutcome.Done();
        }

        if (effect.To.Platform != PlatformNames.Teams)
        {
            return EffectOutcome.Failed($"{effect.To} is not a Teams user and cannot be paged from Teams");
        }

        var incident = context.Incident;
        var page = incident.Pages.FirstOrDefault(p => p.Id == effect.PageId)
            ?? new Page(effect.PageId, effect.To, effect.Role, effect.Message, time.GetUtcNow(), effect.Deadline, 1, PageStatus.Paged, null);
        var sent = await OnceAsync(context, "dm", async () =>
        {
            var (conversation, activity) = await SendDirectToAsync(effect.To, PageActivity(context, page), cancellationToken);
            return conversation + "\n" + activity;
        });
        var (chat, activityId) = (sent.Split('\n', 2)[0], sent.Split('\n', 2)[^1]);

        if (IncidentConversation(context) is not null)
        {
            var what = effect.Role is null ? $"is paged for {incident.Key}." : $"is paged as {effect.Role} for {incident.Key}.";
            await OnceAsync(context, "mention", () => SendToIncidentAsync(context, OutboundActivity.MentionCard(effect.To, what), cancellationToken));
        }

        return EffectOutcome.Done(new Dictionary<string, string> { [link] = activityId, [TeamsLinks.PageConversation(effect.PageId)] = chat });
    }

    /// <summary>
    /// Edits the page card in the 1:1 chat (<c>PUT</c> the activity) so it shows the answer and loses its buttons. A page
    /// sent before its conversation was recorded, or a card deleted since, is skipped: there is nothing to edit.
    /// </summary>
    private async Task<EffectOutcome> SyncPageCardAsync(EffectContext context, SyncPageCard effect, CancellationToken cancellationToken)
    {
        if (context.Incident.FindPage(effect.PageId) is not { } page
            || !context.Links.TryGetValue(TeamsLinks.Page(effect.PageId), out var activityId)
            || !context.Links.TryGetValue(TeamsLinks.PageConversation(effect.PageId), out var conversation))
        {
            LogPageCardUnknown(log, context.StepKey, effect.PageId);
            return EffectOutcome.Done();
        }

        try
        {
            await connector.UpdateAsync(ServiceUrl(Team), conversation, activityId, PageActivity(context, page), cancellationToken);
        }
        catch (ConnectorException e) when (e.Status == HttpStatusCode.NotFound)
        {
            TeamsLog.EffectPartFailed(log, e, context.StepKey, "the page card is gone; left as it is");
        }

        return EffectOutcome.Done();
    }

    private JsonObject PageActivity(EffectContext context, Page page) =>
        OutboundActivity.Card(cards.Page(PlatformNames.Teams, context.Incident, page, ChannelDeepLink(context)), $"{(context.Incident.Kind == IncidentKind.Drill ? "DRILL · " : "")}You are paged for {context.Incident.Key}");

    /// <summary>
    /// A Teams deep link that opens the incident channel (or, for an incident that lives in a thread, that thread's
    /// first message); null without a team to name, or in a thread of a group chat.
    /// </summary>
    private string? ChannelDeepLink(EffectContext context)
    {
        if (IncidentConversation(context) is not { } channel || TeamOf(context) is not { AadGroupId: { } group } team)
        {
            return null;
        }

        var query = "?groupId=" + Uri.EscapeDataString(group) + "&tenantId=" + Uri.EscapeDataString(TenantId(team));
        if (context.Links.GetValueOrDefault(TeamsLinks.ChannelMode) == TeamsLinks.ModeChannel)
        {
            return "https://teams.microsoft.com/l/channel/" + Uri.EscapeDataString(channel) + "/" + Uri.EscapeDataString(context.Incident.Key) + query;
        }

        return channel.Split(";messageid=", 2) is [{ Length: > 0 } parent, { Length: > 0 } message]
            ? "https://teams.microsoft.com/l/message/" + Uri.EscapeDataString(parent) + "/" + Uri.EscapeDataString(message) + query + "&parentMessageId=" + Uri.EscapeDataString(message)
            : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams effect {StepKey}: the card of page {PageId} was sent before its conversation was recorded; left as it is")]
    private static partial void LogPageCardUnknown(ILogger logger, string stepKey, string pageId);
}
