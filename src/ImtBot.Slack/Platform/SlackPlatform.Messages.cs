using System.Text.Json.Nodes;
using ImtBot.Core.Effects;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Slack.WebApi;

namespace ImtBot.Slack.Platform;

public sealed partial class SlackPlatform
{
    /// <summary>How far Slack's clock (which stamps a message's ts) may be behind ours when a reconcile searches from the first attempt.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

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

    /// <summary>
    /// chat.postMessage has no idempotency key, so each message carries <c>metadata</c> {step, target}. On a retry
    /// (attempt &gt; 1) the channel's history since the step was first tried (less <see cref="ClockSkew"/>) is searched
    /// by that metadata, page by page, however many messages arrived since, and a message already posted is adopted.
    /// </summary>
    private Task<string> PostOnceAsync(EffectContext context, string channel, JsonObject message, string target, CancellationToken ct, bool matchAnyStep = false) =>
        PostOnceAsync(context.StepKey, context.Incident.Key, context.Attempt, context.FirstTriedAt ?? context.Incident.DeclaredAt, context.Links, channel, message, target, ct, matchAnyStep);

    /// <param name="key">What the message is about: the incident's key, or an alert page's (<c>AP-3</c>).</param>
    /// <param name="since">No earlier post of this step can be older: when it was first tried, or when its incident or alert page began.</param>
    /// <param name="links">
    /// The step's links: a message it posted before it was sent away to wait for its turn under a rate limit (a post
    /// update's channel message, before its announcement's turn) is there, and is neither looked for nor posted again.
    /// </param>
    private async Task<string> PostOnceAsync(string stepKey, string key, int attempt, DateTimeOffset since, IReadOnlyDictionary<string, string> links, string channel, JsonObject message, string target, CancellationToken ct, bool matchAnyStep = false)
    {
        var posted = PostedLink(stepKey, target);
        if (links.TryGetValue(posted, out var known) && known.Length > 0)
        {
            return known;
        }

        if (attempt > 1)
        {
            try
            {
                var found = await api.Conversations.FindSinceAsync(
                    channel,
                    since - ClockSkew,
                    m => m.MetadataValue("target") == target
                        && m.MetadataValue("incident") == key
                        && (matchAnyStep || m.MetadataValue("step") == stepKey),
                    ct: ct).ConfigureAwait(false);
                if (found is not null)
                {
                    LogStep(logger, stepKey, $"found the {target} message already posted; not posting again");
                    return found.Ts;
                }
            }
            catch (SlackApiException e) when (e.Error is "not_in_channel" or "missing_scope")
            {
                LogStep(logger, stepKey, "history not readable (" + e.Error + "): posting");
            }
        }

        var metadata = new JsonObject
        {
            ["event_type"] = "imtbot_step",
            ["event_payload"] = new JsonObject { ["step"] = stepKey, ["incident"] = key, ["target"] = target },
        };
        var ts = await api.Chat.PostMessageAsync(channel, message, metadata, ct).ConfigureAwait(false);
        api.Learn(posted, ts);
        return ts;
    }

    /// <summary>The link a step's posted message is kept under while the step waits for its turn (see <see cref="PostOnceAsync(string, string, int, DateTimeOffset, IReadOnlyDictionary{string, string}, string, JsonObject, string, CancellationToken, bool)"/>).</summary>
    private static string PostedLink(string stepKey, string target) => $"slack:posted:{stepKey}:{target}";
}
