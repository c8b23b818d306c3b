using System.Globalization;
using System.Text.Json.Nodes;
using ImtBot.Core.Ports;
using ImtBot.Slack.WebApi;

namespace ImtBot.Slack.Platform;

/// <remarks>
/// chat.postMessage has no idempotency key, so a post is made once this way:
/// <list type="number">
/// <item>A message the step posted before it was sent away to wait for its turn is in its links: nothing to do.</item>
/// <item>Before posting, the step notes durably that it is about to post, and when (<see cref="IntentLink"/>).</item>
/// <item>The message carries <c>metadata</c> {step, incident, target}.</item>
/// <item>On a later attempt, only a noted post can have landed: the channel's history is searched by that metadata
/// around the noted time (on Slack's clock), page by page, however many messages came after; a step with no note never
/// got as far as posting, and posts without reading anything.</item>
/// </list>
/// Reading history is the scarce thing (50 requests a minute, 15 messages each, far less for apps outside the
/// Marketplace), so after a crash only the posts that were really under way are looked for, each in a window of
/// seconds rather than everything since the step was first tried.
/// </remarks>
public sealed partial class SlackPlatform
{
    /// <summary>How far Slack's clock may be from ours when no answer has told us (no <c>Date</c> header).</summary>
    private static readonly TimeSpan UnknownClockSkew = TimeSpan.FromMinutes(2);

    /// <summary>Where a noted post almost always lands: within seconds of the note. Searched first.</summary>
    private static readonly TimeSpan UsualReach = TimeSpan.FromSeconds(5);

    /// <summary>What one attempt of a step that posts needs to post once.</summary>
    /// <param name="Key">What the message is about: the incident's key, or an alert page's (<c>AP-3</c>).</param>
    /// <param name="Since">No earlier post of this step can be older: when it was first tried, or its incident or alert page began.</param>
    /// <param name="Links">The step's links: posts it made before it was sent away to wait, and the notes of its attempts.</param>
    private sealed record PostingStep(string StepKey, string Key, int Attempt, DateTimeOffset Since, IReadOnlyDictionary<string, string> Links, StepNote? Note)
    {
        public static PostingStep Of(EffectContext context) =>
            new(context.StepKey, context.Incident.Key, context.Attempt, context.FirstTriedAt ?? context.Incident.DeclaredAt, context.Links, context.Note);

        public static PostingStep Of(AlertPageEffectContext context) =>
            new(context.StepKey, context.Page.Key, context.Attempt, context.Page.OpenedAt, context.Links, context.Note);
    }

    private Task<string> PostOnceAsync(EffectContext context, string channel, JsonObject message, string target, CancellationToken ct, bool matchAnyStep = false) =>
        PostOnceAsync(PostingStep.Of(context), channel, message, target, ct, matchAnyStep);

    private async Task<string> PostOnceAsync(PostingStep step, string channel, JsonObject message, string target, CancellationToken ct, bool matchAnyStep = false)
    {
        var posted = PostedLink(step.StepKey, target);
        if (step.Links.TryGetValue(posted, out var known) && known.Length > 0)
        {
            return known;
        }

        if (step.Attempt > 1 && await FindEarlierPostAsync(step, channel, target, matchAnyStep, ct).ConfigureAwait(false) is { } found)
        {
            LogStep(logger, step.StepKey, $"found the {target} message already posted; not posting again");
            return found;
        }

        if (step.Note is { } note)
        {
            var now = time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            await note(new Dictionary<string, string> { [IntentLink(step.StepKey, target)] = now }, ct).ConfigureAwait(false);
        }

        var metadata = new JsonObject
        {
            ["event_type"] = "imtbot_step",
            ["event_payload"] = new JsonObject { ["step"] = step.StepKey, ["incident"] = step.Key, ["target"] = target },
        };
        var ts = await api.Chat.PostMessageAsync(channel, message, metadata, ct).ConfigureAwait(false);
        api.Learn(posted, ts);
        return ts;
    }

    /// <summary>The ts of this step's <paramref name="target"/> message if an earlier attempt posted it, else null.</summary>
    private async Task<string?> FindEarlierPostAsync(PostingStep step, string channel, string target, bool matchAnyStep, CancellationToken ct)
    {
        bool Match(SlackMessage m) =>
            m.MetadataValue("target") == target
            && m.MetadataValue("incident") == step.Key
            && (matchAnyStep || m.MetadataValue("step") == step.StepKey);

        try
        {
            if (step.Note is null)
            {
                // No notes to go by (a context made without a step, or a step first tried before notes were kept):
                // everything since the step began is searched.
                return (await api.Conversations.FindBetweenAsync(channel, step.Since - UnknownClockSkew, null, Match, ct: ct).ConfigureAwait(false))?.Ts;
            }

            if (!step.Links.TryGetValue(IntentLink(step.StepKey, target), out var noted) || !long.TryParse(noted, CultureInfo.InvariantCulture, out var ms))
            {
                return null; // no earlier attempt got as far as posting
            }

            // The noted time on Slack's clock, within what its answers tell of the difference; the post went out
            // within the rate gate's patience and the request's timeout of it, and almost always at once.
            var at = DateTimeOffset.FromUnixTimeMilliseconds(ms);
            var offset = await api.ClockOffsetAsync(ct).ConfigureAwait(false) ?? new SlackClock.Offset(-UnknownClockSkew, UnknownClockSkew);
            var (from, usual, until) = (at + offset.Low, at + offset.High + UsualReach, at + offset.High + api.Patience + SlackApiClient.RequestTimeout);
            var found = await api.Conversations.FindBetweenAsync(channel, from, usual, Match, ct: ct).ConfigureAwait(false)
                ?? await api.Conversations.FindBetweenAsync(channel, usual, until, Match, ct: ct).ConfigureAwait(false);
            return found?.Ts;
        }
        catch (SlackApiException e) when (e.Error is "not_in_channel" or "missing_scope")
        {
            LogStep(logger, step.StepKey, "history not readable (" + e.Error + "): posting");
            return null;
        }
    }

    /// <summary>The link a step's posted message is kept under while the step waits for its turn (the step's own: gone once it ends).</summary>
    private static string PostedLink(string stepKey, string target) => StepLinks.Name(stepKey, "slack:posted:" + target);

    /// <summary>The link a step's note that it is about to post is kept under: when (ms since the epoch, our clock).</summary>
    private static string IntentLink(string stepKey, string target) => StepLinks.Name(stepKey, "slack:posting:" + target);
}
