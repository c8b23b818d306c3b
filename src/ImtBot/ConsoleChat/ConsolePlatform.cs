using ImtBot.Cards;
using ImtBot.Core.Effects;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Core.Reviews;

namespace ImtBot.ConsoleChat;

/// <summary>
/// The console as a chat platform: each incident gets a channel, its card is posted there and edited in place,
/// pages arrive as direct messages with the page card, updates also go to the announcements channel.
/// Cards are the Teams (Adaptive Card) templates, rendered in the page by the official JavaScript renderer.
/// </summary>
internal sealed class ConsolePlatform(ConsoleChatService chat, IIncidentCards cards, IIncidentQueries store, TimeProvider time) : IChatPlatform, IAlertPagePlatform
{
    private const string CardPlatform = PlatformNames.Teams;
    private const string ChannelLink = "console:channel";
    private const string CardLink = "console:card";

    public string Name => PlatformNames.Console;

    public async Task<EffectOutcome> ExecuteAsync(EffectContext context, CancellationToken cancellationToken)
    {
        var incident = context.Incident;
        if (context.Effect is OpenChannel)
        {
            return await OpenChannelAsync(context);
        }

        if (context.Effect is Announce announce)
        {
            await chat.PostAsBotAsync(chat.Announcements, announce.Text, origin: Origin(context, "announce"));
            return EffectOutcome.Done();
        }

        if (context.Effect is SendPage page)
        {
            var sent = await SendPageAsync(context, page);
            return EffectOutcome.Done(new Dictionary<string, string> { [PageLink(page.PageId)] = sent.Key });
        }

        if (context.Effect is SyncPageCard sync)
        {
            await SyncPageCardAsync(context, sync);
            return EffectOutcome.Done();
        }

        if (context.Effect is NotifyUser notify)
        {
            var dm = await chat.EnsureDirectChannelAsync(notify.To.Id);
            var reminder = notify.Snooze is { } snooze ? cards.Reminder(CardPlatform, incident, snooze, notify.Text) : null;
            await chat.PostAsBotAsync(dm.Id, notify.Text, reminder, Origin(context, "notify"));
            return EffectOutcome.Done();
        }

        // Everything else happens in the incident's channel, which OpenChannel made first.
        if (!context.Links.TryGetValue(ChannelLink, out var channel))
        {
            return EffectOutcome.Retry($"{incident.Key} has no console channel yet");
        }

        switch (context.Effect)
        {
            case SyncIncidentCard:
                return await SyncCardAsync(incident, channel, context.Links);
            case InviteUsers invite:
                await chat.PostAsBotAsync(channel, DrillMark(incident) + "Invited " + string.Join(", ", invite.Users.Select(u => u.ToString())) + " to the channel.", origin: Origin(context, "channel"));
                break;
            case PostToChannel post:
                await chat.PostAsBotAsync(channel, post.Text, origin: Origin(context, "channel"));
                break;
            case PostStatusUpdate update:
                var card = cards.StatusUpdate(CardPlatform, incident, new StatusUpdate(time.GetUtcNow(), update.By, update.Text));
                var text = $"{incident.Key} update from {update.By}: {update.Text}";
                await chat.PostAsBotAsync(channel, text, card, Origin(context, "channel"));

                // A private incident's update stays in its own channel: the announcements channel only learns it exists.
                if (!incident.Private)
                {
                    await chat.PostAsBotAsync(chat.Announcements, text, card, Origin(context, "announce"));
                }

                break;
            case PostReview:
                var markdown = ReviewWriter.ToMarkdown(store.GetEvents(incident.Number));
                await chat.PostAsBotAsync(channel, markdown, cards.Review(CardPlatform, incident), Origin(context, "review"));
                break;
            case ArchiveChannel archive when archive.At > time.GetUtcNow():
                return EffectOutcome.NotYet("not yet time to archive", archive.At - time.GetUtcNow());
            case ArchiveChannel:
                await chat.PostAsBotAsync(channel, $"{DrillMark(incident)}{incident.Key} is closed; this channel is archived.", origin: Origin(context, "channel"));
                await chat.ArchiveChannelAsync(channel);
                break;
            default:
                return EffectOutcome.Failed($"the console does not know the effect {context.Effect.Kind}");
        }

        return EffectOutcome.Done();
    }

    /// <summary>What the console's own words in a drill's channel start with, so nobody mistakes it for a real outage.</summary>
    private static string DrillMark(Incident incident) =>
        incident.Kind == ImtBot.Core.Incidents.IncidentKind.Drill ? ImtBot.Core.Drills.DrillText.Marker + " · " : "";

    private async Task<EffectOutcome> OpenChannelAsync(EffectContext context)
    {
        var incident = context.Incident;
        var id = context.Links.TryGetValue(ChannelLink, out var known) ? known : ChannelSlug.IncidentChannel(incident.Number, incident.Title, 60, incident.Kind == ImtBot.Core.Incidents.IncidentKind.Drill);
        await chat.EnsureChannelAsync(id, id, "channel", null, incident.Number, Topic(incident));
        await chat.PostAsBotAsync(id, $"{DrillMark(incident)}{incident.Key} \"{incident.Title}\" was declared by {incident.DeclaredBy}. This channel is for the response.", origin: incident.Key + "#welcome");

        return EffectOutcome.Done(new Dictionary<string, string> { [ChannelLink] = id });
    }

    private async Task<EffectOutcome> SyncCardAsync(Incident incident, string channel, IReadOnlyDictionary<string, string> links)
    {
        var card = cards.Incident(CardPlatform, incident);
        var summary = $"{incident.Key} · SEV{incident.Severity} · {incident.Status} · {incident.Title}";
        await chat.EnsureChannelAsync(channel, channel, "channel", null, incident.Number, Topic(incident));
        if (links.TryGetValue(CardLink, out var messageId) && await chat.UpdateAsync(messageId, summary, card) is not null)
        {
            return EffectOutcome.Done();
        }

        // An incident has one card: a step run again after a crash (or a later refresh that found no link) finds the
        // card already posted, brings it up to date and pins it, instead of posting a second.
        var posted = await chat.PostAsBotAsync(channel, summary, card, incident.Key + "#card");
        if (posted.Text != summary || posted.CardJson != card.ToJsonString())
        {
            await chat.UpdateAsync(posted.Key, summary, card);
        }

        await chat.PinAsync(posted.Key);
        return EffectOutcome.Done(new Dictionary<string, string> { [CardLink] = posted.Key });
    }

    private async Task<ConsoleMessage> SendPageAsync(EffectContext context, SendPage page)
    {
        var incident = context.Incident;
        var dm = await chat.EnsureDirectChannelAsync(page.To.Id);
        var model = incident.Pages.FirstOrDefault(p => p.Id == page.PageId)
                    ?? new Page(page.PageId, page.To, page.Role, page.Message, time.GetUtcNow(), page.Deadline, 1, PageStatus.Paged, null);
        return await chat.PostAsBotAsync(dm.Id, PageText(incident, model), cards.Page(CardPlatform, incident, model, ChannelUrl(context)), Origin(context, "page"));
    }

    /// <summary>Edits the page's direct message in place to show the answer; a page whose message is unknown is left alone.</summary>
    private async Task SyncPageCardAsync(EffectContext context, SyncPageCard sync)
    {
        if (context.Incident.FindPage(sync.PageId) is { } page && context.Links.TryGetValue(PageLink(sync.PageId), out var messageId))
        {
            await chat.UpdateAsync(messageId, PageText(context.Incident, page), cards.Page(CardPlatform, context.Incident, page, ChannelUrl(context)));
        }
    }

    private static string PageText(Incident incident, Page page)
    {
        var what = page.Role is null ? "" : $" as {page.Role}";
        var text = page.Status switch
        {
            PageStatus.Acknowledged => $"You acknowledged the page{what} for {incident.Key} \"{incident.Title}\".",
            PageStatus.Declined => $"You declined the page{what} for {incident.Key} \"{incident.Title}\".",
            PageStatus.Expired => $"The page{what} for {incident.Key} \"{incident.Title}\" expired unanswered.",
            _ => $"You are paged{what} for {incident.Key} \"{incident.Title}\". Acknowledge with /incident ack {incident.Key}.",
        };

        // The notification shows this text, not the card: a drill's page must say so before anyone reads further.
        return incident.Kind == IncidentKind.Drill ? "DRILL · " + text : text;
    }

    /// <summary>The console page's own route to a channel (<c>#/c/&lt;id&gt;</c>), once the incident has one.</summary>
    private static string? ChannelUrl(EffectContext context) =>
        context.Links.TryGetValue(ChannelLink, out var channel) ? "#/c/" + Uri.EscapeDataString(channel) : null;

    public static string PageLink(string pageId) => "console:page:" + pageId;

    /// <summary>The <see cref="ConsoleMessage.Origin"/> of a step's post: the console finds it again rather than post twice.</summary>
    private static string Origin(EffectContext context, string target) => context.StepKey + "#" + target;

    /// <summary>Alert pages in the console: the page card as a direct message (edited in place), direct messages and announcements.</summary>
    public async Task<EffectOutcome> ExecuteAlertPageAsync(AlertPageEffectContext context, CancellationToken cancellationToken)
    {
        var alert = context.Page;
        switch (context.Effect)
        {
            case SendPage send:
                var dm = await chat.EnsureDirectChannelAsync(send.To.Id);
                var page = alert.FindPage(send.PageId) ?? new Page(send.PageId, send.To, send.Role, send.Message, context.Now, send.Deadline, 1, PageStatus.Paged, null);
                var sent = await chat.PostAsBotAsync(dm.Id, AlertPageText(alert, page), cards.AlertPage(CardPlatform, alert, page, context.Now), context.StepKey + "#page");
                return EffectOutcome.Done(new Dictionary<string, string> { [PageLink(send.PageId)] = sent.Key });
            case SyncPageCard sync:
                if (alert.FindPage(sync.PageId) is { } shown && context.Links.TryGetValue(PageLink(sync.PageId), out var messageId))
                {
                    await chat.UpdateAsync(messageId, AlertPageText(alert, shown), cards.AlertPage(CardPlatform, alert, shown, context.Now));
                }

                return EffectOutcome.Done();
            case NotifyUser notify:
                await chat.PostAsBotAsync((await chat.EnsureDirectChannelAsync(notify.To.Id)).Id, notify.Text, origin: context.StepKey + "#notify");
                return EffectOutcome.Done();
            case Announce announce:
                await chat.PostAsBotAsync(chat.Announcements, announce.Text, origin: context.StepKey + "#announce");
                return EffectOutcome.Done();
            default:
                return EffectOutcome.Failed($"an alert page has no channel for {context.Effect.Kind}");
        }
    }

    private static string AlertPageText(Core.Alerts.Pages.AlertPage alert, Page page) => (alert.State, page.Status) switch
    {
        (Core.Alerts.Pages.AlertPageState.Declared, _) => $"{alert.Key} \"{alert.Title}\" became {IncidentKey.Format(alert.Incident!.Value)}.",
        (Core.Alerts.Pages.AlertPageState.Resolved, _) => $"{alert.Key} \"{alert.Title}\" resolved.",
        (_, PageStatus.Acknowledged) => $"You acknowledged {alert.Key} \"{alert.Title}\".",
        (_, PageStatus.Declined) => $"You declined the page for {alert.Key} \"{alert.Title}\".",
        (_, PageStatus.Expired) => $"The page for {alert.Key} \"{alert.Title}\" ended unanswered.",
        _ => $"You are paged as {alert.Role} for {alert.Key} \"{alert.Title}\" (an alert, no incident). Acknowledge with /incident ack {alert.Key}.",
    };

    private static string Topic(Incident incident) =>
        $"SEV{incident.Severity} · {incident.Status} · commander: {(incident.Commander?.ToString() ?? "none")}";
}
