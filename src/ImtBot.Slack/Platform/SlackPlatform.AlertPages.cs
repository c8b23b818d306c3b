using System.Text.Json.Nodes;
using ImtBot.Core.Effects;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Slack.WebApi;

namespace ImtBot.Slack.Platform;

/// <summary>Alert pages on Slack: the page card in a DM (posted once, edited in place), DMs and announcements. They have no channel.</summary>
public sealed partial class SlackPlatform
{
    public async Task<EffectOutcome> ExecuteAlertPageAsync(AlertPageEffectContext context, CancellationToken cancellationToken)
    {
        using var calls = api.ForStep(context.StepKey);
        try
        {
            return context.Effect switch
            {
                SendPage send => await SendAlertPageAsync(context, send, cancellationToken).ConfigureAwait(false),
                SyncPageCard sync => await SyncAlertPageCardAsync(context, sync, cancellationToken).ConfigureAwait(false),
                NotifyUser notify when notify.To.Platform != PlatformNames.Slack => EffectOutcome.Failed($"cannot message a {notify.To.Platform} user from Slack"),
                NotifyUser notify => await PostAlertPageAsync(context, await api.Conversations.OpenAsync(notify.To.Id, cancellationToken).ConfigureAwait(false), Text(notify.Text), "notify", cancellationToken).ConfigureAwait(false),
                Announce announce when options.Value.AnnouncementsChannel is { Length: > 0 } announcements =>
                    await PostAlertPageAsync(context, announcements, Text(announce.Text), "announce", cancellationToken).ConfigureAwait(false),
                Announce => EffectOutcome.Done(),
                _ => EffectOutcome.Failed($"an alert page has no channel for {context.Effect.Kind}"),
            };
        }
        catch (SlackApiException e)
        {
            LogSlackError(logger, context.StepKey, e.Error);
            return Transient.Contains(e.Error) ? EffectOutcome.Retry(e.Error, e.RetryAfter) : EffectOutcome.Failed(e.Error);
        }
        catch (SlackTransportException e)
        {
            LogTransport(logger, context.StepKey, e.Method, e.MayHaveApplied);
            return EffectOutcome.Retry(e.Method + ": transport failure");
        }
        catch (SlackPacedException e)
        {
            return EffectOutcome.Paced(e.Wait, e.Sent, e.Learned);
        }
    }

    private async Task<EffectOutcome> SendAlertPageAsync(AlertPageEffectContext context, SendPage send, CancellationToken ct)
    {
        if (send.To.Platform != PlatformNames.Slack)
        {
            return EffectOutcome.Failed($"cannot page a {send.To.Platform} user from Slack");
        }

        var dm = await api.Conversations.OpenAsync(send.To.Id, ct).ConfigureAwait(false);
        var page = context.Page.FindPage(send.PageId) ?? new Page(send.PageId, send.To, send.Role, send.Message, context.Now, send.Deadline, 1, PageStatus.Paged, null);
        var ts = await PostOnceAsync(PostingStep.Of(context), dm, AlertPageMessage(context, page), "page", ct).ConfigureAwait(false);
        return EffectOutcome.Done(new Dictionary<string, string> { [PageLink(send.PageId)] = dm + "/" + ts });
    }

    private async Task<EffectOutcome> SyncAlertPageCardAsync(AlertPageEffectContext context, SyncPageCard sync, CancellationToken ct)
    {
        if (context.Page.FindPage(sync.PageId) is not { } page
            || !context.Links.TryGetValue(PageLink(sync.PageId), out var posted)
            || posted.Split('/', 2) is not [{ Length: > 0 } dm, { Length: > 0 } ts])
        {
            LogStep(logger, context.StepKey, $"the message of page {sync.PageId} is unknown; its card is left as it is");
            return EffectOutcome.Done();
        }

        try
        {
            await api.Chat.UpdateAsync(dm, ts, AlertPageMessage(context, page), ct).ConfigureAwait(false);
        }
        catch (SlackApiException e) when (e.Error is "message_not_found" or "cant_update_message" or "edit_window_closed" or "channel_not_found")
        {
            LogStep(logger, context.StepKey, $"the card of page {sync.PageId} cannot be edited ({e.Error}); left as it is");
        }

        return EffectOutcome.Done();
    }

    private async Task<EffectOutcome> PostAlertPageAsync(AlertPageEffectContext context, string channel, JsonObject message, string target, CancellationToken ct)
    {
        await PostOnceAsync(PostingStep.Of(context), channel, message, target, ct).ConfigureAwait(false);
        return EffectOutcome.Done();
    }

    private JsonObject AlertPageMessage(AlertPageEffectContext context, Page page)
    {
        var message = cards.AlertPage(PlatformNames.Slack, context.Page, page, context.Now).DeepClone() as JsonObject ?? new JsonObject();
        message["text"] ??= context.Page.Key;
        return message;
    }
}
