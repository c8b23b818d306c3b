using System.Net;
using System.Text.Json.Nodes;
using ImtBot.Core.Effects;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Teams.Connector;

namespace ImtBot.Teams.Outbound;

/// <summary>Alert pages on Teams: the page card in the 1:1 chat (sent once, edited in place), 1:1 messages and announcements. They have no channel.</summary>
internal sealed partial class TeamsPlatform
{
    public async Task<EffectOutcome> ExecuteAlertPageAsync(AlertPageEffectContext context, CancellationToken cancellationToken)
    {
        using var step = TeamsPacing.ForStep(context.StepKey);
        try
        {
            return context.Effect switch
            {
                SendPage e => await SendAlertPageAsync(context, e, cancellationToken),
                SyncPageCard e => await SyncAlertPageCardAsync(context, e, cancellationToken),
                NotifyUser e when e.To.Platform != PlatformNames.Teams => EffectOutcome.Failed($"{e.To} is not a Teams user"),
                NotifyUser e => await DoneAfter(SendDirectAsync(e.To, OutboundActivity.Text(e.Text), cancellationToken)),
                Announce e => await DoneAfter(SendToAnnouncementsAsync(OutboundActivity.Text(e.Text), cancellationToken)),
                _ => EffectOutcome.Failed($"an alert page has no channel for {context.Effect.Kind}"),
            };
        }
        catch (ConnectorPacedException e)
        {
            return EffectOutcome.Paced(e.Wait, sent: TeamsPacing.StepHasSent);
        }
        catch (ConnectorException e)
        {
            TeamsLog.EffectFailed(log, e, context.StepKey);
            return e.IsTransient ? EffectOutcome.Retry(e.Message, e.RetryAfter) : EffectOutcome.Failed(e.Message);
        }
    }

    private static async Task<EffectOutcome> DoneAfter(Task<string> sending)
    {
        await sending;
        return EffectOutcome.Done();
    }

    private async Task<EffectOutcome> SendAlertPageAsync(AlertPageEffectContext context, SendPage effect, CancellationToken cancellationToken)
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

        var page = context.Page.FindPage(effect.PageId) ?? new Page(effect.PageId, effect.To, effect.Role, effect.Message, context.Now, effect.Deadline, 1, PageStatus.Paged, null);
        var (conversation, activity) = await SendDirectToAsync(effect.To, AlertPageActivity(context, page), cancellationToken);
        return EffectOutcome.Done(new Dictionary<string, string> { [link] = activity, [TeamsLinks.PageConversation(effect.PageId)] = conversation });
    }

    private async Task<EffectOutcome> SyncAlertPageCardAsync(AlertPageEffectContext context, SyncPageCard effect, CancellationToken cancellationToken)
    {
        if (context.Page.FindPage(effect.PageId) is not { } page
            || !context.Links.TryGetValue(TeamsLinks.Page(effect.PageId), out var activityId)
            || !context.Links.TryGetValue(TeamsLinks.PageConversation(effect.PageId), out var conversation))
        {
            LogPageCardUnknown(log, context.StepKey, effect.PageId);
            return EffectOutcome.Done();
        }

        try
        {
            await connector.UpdateAsync(ServiceUrl(Team), conversation, activityId, AlertPageActivity(context, page), cancellationToken);
        }
        catch (ConnectorException e) when (e.Status == HttpStatusCode.NotFound)
        {
            TeamsLog.EffectPartFailed(log, e, context.StepKey, "the page card is gone; left as it is");
        }

        return EffectOutcome.Done();
    }

    private JsonObject AlertPageActivity(AlertPageEffectContext context, Page page) =>
        OutboundActivity.Card(cards.AlertPage(PlatformNames.Teams, context.Page, page, context.Now), $"You are paged for {context.Page.Key}: {context.Page.Title}");
}
