using System.Text.Json.Nodes;
using ImtBot.Core.Effects;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Slack.WebApi;

namespace ImtBot.Slack.Platform;

public sealed partial class SlackPlatform
{
    /// <summary>The link that records where a page card was posted: <c>slack:page:p1</c> → <c>D…/ts</c>.</summary>
    public static string PageLink(string pageId) => "slack:page:" + pageId;

    /// <summary>Opens the incident channel from a DM in the Slack client (docs: <c>app_redirect</c>), or null before it exists.</summary>
    public static string? ChannelUrl(string? channelId) =>
        channelId is null ? null : "https://slack.com/app_redirect?channel=" + Uri.EscapeDataString(channelId);

    private async Task<EffectOutcome> SendPageAsync(EffectContext context, SendPage send, CancellationToken ct)
    {
        if (send.To.Platform != PlatformNames.Slack)
        {
            return EffectOutcome.Failed($"cannot page a {send.To.Platform} user from Slack");
        }

        var dm = await api.Conversations.OpenAsync(send.To.Id, ct).ConfigureAwait(false);
        var page = context.Incident.Pages.FirstOrDefault(p => p.Id == send.PageId)
            ?? new Page(send.PageId, send.To, send.Role, send.Message, time.GetUtcNow(), send.Deadline, 1, PageStatus.Paged, null);
        var ts = await PostOnceAsync(context, dm, PageMessage(context, page), "page", ct).ConfigureAwait(false);
        return EffectOutcome.Done(new Dictionary<string, string> { [PageLink(send.PageId)] = dm + "/" + ts });
    }

    /// <summary>
    /// Edits the page card in the DM (<c>chat.update</c>) so it shows the answer and loses its buttons. A page posted
    /// before its message was recorded, or a message deleted since, is skipped: there is nothing left to edit.
    /// </summary>
    private async Task<EffectOutcome> SyncPageCardAsync(EffectContext context, SyncPageCard sync, CancellationToken ct)
    {
        var page = context.Incident.FindPage(sync.PageId);
        if (page is null || Link(context, PageLink(sync.PageId)) is not { } posted || posted.Split('/', 2) is not [{ Length: > 0 } dm, { Length: > 0 } ts])
        {
            LogStep(logger, context.StepKey, $"the message of page {sync.PageId} is unknown; its card is left as it is");
            return EffectOutcome.Done();
        }

        try
        {
            await api.Chat.UpdateAsync(dm, ts, PageMessage(context, page), ct).ConfigureAwait(false);
        }
        catch (SlackApiException e) when (e.Error is "message_not_found" or "cant_update_message" or "edit_window_closed" or "channel_not_found")
        {
            LogStep(logger, context.StepKey, $"the card of page {sync.PageId} cannot be edited ({e.Error}); left as it is");
        }

        return EffectOutcome.Done();
    }

    private JsonObject PageMessage(EffectContext context, Page page) =>
        Message(cards.Page(PlatformNames.Slack, context.Incident, page, ChannelUrl(Link(context, ChannelLink))), context);
}
