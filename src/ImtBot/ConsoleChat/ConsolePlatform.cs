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
internal sealed class ConsolePlatform(ConsoleChatService chat, IIncidentCards cards, IIncidentQueries store, TimeProvider time) : IChatPlatform
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
            await chat.PostAsBotAsync(chat.Announcements, announce.Text);
            return EffectOutcome.Done();
        }

        if (context.Effect is SendPage page)
        {
            await SendPageAsync(incident, page);
            return EffectOutcome.Done();
        }

        if (context.Effect is NotifyUser notify)
        {
            var dm = await chat.EnsureDirectChannelAsync(notify.To.Id);
            var reminder = notify.Snooze is { } snooze ? cards.Reminder(CardPlatform, incident, snooze, notify.Text) : null;
            await chat.PostAsBotAsync(dm.Id, notify.Text, reminder);
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
                await chat.PostAsBotAsync(channel, "Invited " + string.Join(", ", invite.Users.Select(u => u.ToString())) + " to the channel.");
                break;
            case PostToChannel post:
                await chat.PostAsBotAsync(channel, post.Text);
                break;
            case PostStatusUpdate update:
                var card = cards.StatusUpdate(CardPlatform, incident, new StatusUpdate(time.GetUtcNow(), update.By, update.Text));
                var text = $"{incident.Key} update from {update.By}: {update.Text}";
                await chat.PostAsBotAsync(channel, text, card);
                await chat.PostAsBotAsync(chat.Announcements, text, card);
                break;
            case PostReview:
                var markdown = ReviewWriter.ToMarkdown(store.GetEvents(incident.Number));
                await chat.PostAsBotAsync(channel, markdown, cards.Review(CardPlatform, incident));
                break;
            case ArchiveChannel archive when archive.At > time.GetUtcNow():
                return EffectOutcome.NotYet("not yet time to archive", archive.At - time.GetUtcNow());
            case ArchiveChannel:
                await chat.PostAsBotAsync(channel, $"{incident.Key} is closed; this channel is archived.");
                await chat.ArchiveChannelAsync(channel);
                break;
            default:
                return EffectOutcome.Failed($"the console does not know the effect {context.Effect.Kind}");
        }

        return EffectOutcome.Done();
    }

    private async Task<EffectOutcome> OpenChannelAsync(EffectContext context)
    {
        var incident = context.Incident;
        var id = context.Links.TryGetValue(ChannelLink, out var known) ? known : ChannelSlug.IncidentChannel(incident.Number, incident.Title, 60);
        var existed = chat.FindChannel(id) is not null;
        await chat.EnsureChannelAsync(id, id, "channel", null, incident.Number, Topic(incident));
        if (!existed)
        {
            await chat.PostAsBotAsync(id, $"{incident.Key} \"{incident.Title}\" was declared by {incident.DeclaredBy}. This channel is for the response.");
        }

        return EffectOutcome.Done(new Dictionary<string, string> { [ChannelLink] = id });
    }

    private async Task<EffectOutcome> SyncCardAsync(IncidentState incident, string channel, IReadOnlyDictionary<string, string> links)
    {
        var card = cards.Incident(CardPlatform, incident);
        var summary = $"{incident.Key} · SEV{incident.Severity} · {incident.Status} · {incident.Title}";
        await chat.EnsureChannelAsync(channel, channel, "channel", null, incident.Number, Topic(incident));
        if (links.TryGetValue(CardLink, out var messageId) && await chat.UpdateAsync(messageId, summary, card) is not null)
        {
            return EffectOutcome.Done();
        }

        var posted = await chat.PostAsBotAsync(channel, summary, card);
        await chat.PinAsync(posted.Key);
        return EffectOutcome.Done(new Dictionary<string, string> { [CardLink] = posted.Key });
    }

    private async Task SendPageAsync(IncidentState incident, SendPage page)
    {
        var dm = await chat.EnsureDirectChannelAsync(page.To.Id);
        var model = incident.Pages.FirstOrDefault(p => p.Id == page.PageId)
                    ?? new Page(page.PageId, page.To, page.Role, page.Message, time.GetUtcNow(), page.Deadline, 1, PageStatus.Paged, null);
        var what = page.Role is null ? "" : $" as {page.Role}";
        await chat.PostAsBotAsync(dm.Id, $"You are paged{what} for {incident.Key} \"{incident.Title}\". Acknowledge with /incident ack {incident.Key}.", cards.Page(CardPlatform, incident, model));
    }

    private static string Topic(IncidentState incident) =>
        $"SEV{incident.Severity} · {incident.Status} · commander: {(incident.Commander?.ToString() ?? "none")}";
}
