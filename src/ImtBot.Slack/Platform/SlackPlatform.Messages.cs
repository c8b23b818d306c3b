using System.Text.Json.Nodes;
using ImtBot.Core.Effects;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Slack.WebApi;

namespace ImtBot.Slack.Platform;

public sealed partial class SlackPlatform
{
    private async Task<EffectOutcome> SyncCardAsync(EffectContext context, CancellationToken ct)
    {
        if (Link(context, ChannelLink) is not { } channel)
        {
            return ChannelNotOpen();
        }

        var card = Message(cards.Incident(PlatformNames.Slack, context.Incident), context);
        var ts = Link(context, CardLink);
        if (ts is not null)
        {
            try
            {
                await api.Chat.UpdateAsync(channel, ts, card, ct).ConfigureAwait(false);
            }
            catch (SlackApiException e) when (e.Error is "message_not_found" or "cant_update_message" or "edit_window_closed")
            {
                ts = null; // deleted by someone: post a fresh card
            }
        }

        if (ts is null)
        {
            ts = await PostOnceAsync(context, channel, card, "card", ct, matchAnyStep: true).ConfigureAwait(false);
            await api.Pins.AddAsync(channel, ts, ct).ConfigureAwait(false);
        }

        var topic = await SyncTopicAsync(channel, context, Link(context, TopicLink), ct).ConfigureAwait(false);
        return EffectOutcome.Done(new Dictionary<string, string> { [CardLink] = ts, [TopicLink] = topic });
    }

    private async Task<EffectOutcome> PostInChannelAsync(EffectContext context, JsonObject message, string target, CancellationToken ct)
    {
        if (Link(context, ChannelLink) is not { } channel)
        {
            return ChannelNotOpen();
        }

        await PostOnceAsync(context, channel, message, target, ct).ConfigureAwait(false);
        return EffectOutcome.Done();
    }

    private async Task<EffectOutcome> PostUpdateAsync(EffectContext context, PostStatusUpdate update, CancellationToken ct)
    {
        if (Link(context, ChannelLink) is not { } channel)
        {
            return ChannelNotOpen();
        }

        var posted = context.Incident.Updates.LastOrDefault(u => u.Text == update.Text) ?? new StatusUpdate(time.GetUtcNow(), update.By, update.Text);
        var card = Message(cards.StatusUpdate(PlatformNames.Slack, context.Incident, posted), context);
        await PostOnceAsync(context, channel, card, "channel", ct).ConfigureAwait(false);
        // A private incident's update stays in its own channel: the announcements channel only learns it exists.
        if (options.Value.AnnouncementsChannel is { Length: > 0 } announcements && announcements != channel && !context.Incident.Private)
        {
            await PostOnceAsync(context, announcements, card, "announce", ct).ConfigureAwait(false);
        }

        return EffectOutcome.Done();
    }

    private async Task<EffectOutcome> AnnounceAsync(EffectContext context, JsonObject message, CancellationToken ct)
    {
        if (options.Value.AnnouncementsChannel is not { Length: > 0 } announcements)
        {
            LogStep(logger, context.StepKey, "no Slack:AnnouncementsChannel configured; announcement skipped");
            return EffectOutcome.Done();
        }

        await PostOnceAsync(context, announcements, message, "announce", ct).ConfigureAwait(false);
        return EffectOutcome.Done();
    }

    private async Task<EffectOutcome> NotifyAsync(EffectContext context, NotifyUser notify, CancellationToken ct)
    {
        if (notify.To.Platform != PlatformNames.Slack)
        {
            return EffectOutcome.Failed($"cannot message a {notify.To.Platform} user from Slack");
        }

        var dm = await api.Conversations.OpenAsync(notify.To.Id, ct).ConfigureAwait(false);
        var message = notify.Snooze is { Length: > 0 } snooze
            ? Message(cards.Reminder(PlatformNames.Slack, context.Incident, snooze, notify.Text), context) // with Snooze buttons
            : Text(notify.Text);
        await PostOnceAsync(context, dm, message, "notify", ct).ConfigureAwait(false);
        return EffectOutcome.Done();
    }
}
