using System.Text.Json.Nodes;
using ImtBot.Cards;
using ImtBot.Core.Effects;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Slack.Hosting;
using ImtBot.Slack.WebApi;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ImtBot.Slack.Platform;

/// <summary>
/// Runs the outbox effects of incidents that live on Slack. Every create is reconciled before it is repeated
/// (<see cref="EffectContext.Attempt"/> &gt; 1): channels by name and purpose tag, messages by their <c>metadata</c> step key.
/// Slack errors map to outcomes: 429/<c>ratelimited</c> → Retry no sooner than Retry-After; other transient errors and
/// transport faults → Retry (then reconcile); <c>invalid_auth</c>, <c>token_revoked</c>, <c>channel_not_found</c>,
/// <c>not_in_channel</c>, <c>is_archived</c>… → Failed. When to try again is the dispatcher's decision
/// (docs/reliability.md §Retries).
/// </summary>
public sealed partial class SlackPlatform(
    SlackWebApi api,
    IIncidentCards cards,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackPlatform> logger) : IChatPlatform, IAlertPagePlatform
{
    public const string ChannelLink = "slack:channel";
    public const string CardLink = "slack:card";

    /// <summary>The channel topic as ImtBot last set or read it, so a card refresh need not look the channel up.</summary>
    public const string TopicLink = "slack:topic";

    private static readonly HashSet<string> Transient = new(StringComparer.Ordinal)
    {
        "ratelimited", "rate_limited", "internal_error", "fatal_error", "request_timeout", "service_unavailable",
    };

    public string Name => PlatformNames.Slack;

    public async Task<EffectOutcome> ExecuteAsync(EffectContext context, CancellationToken cancellationToken)
    {
        using var calls = api.ForStep(context.StepKey);
        try
        {
            return context.Effect switch
            {
                OpenChannel => await OpenChannelAsync(context, cancellationToken).ConfigureAwait(false),
                SyncIncidentCard => await SyncCardAsync(context, cancellationToken).ConfigureAwait(false),
                InviteUsers invite => await InviteAsync(context, invite.Users, cancellationToken).ConfigureAwait(false),
                SendPage page => await SendPageAsync(context, page, cancellationToken).ConfigureAwait(false),
                SyncPageCard sync => await SyncPageCardAsync(context, sync, cancellationToken).ConfigureAwait(false),
                PostToChannel post => await PostInChannelAsync(context, Text(post.Text), "channel", cancellationToken).ConfigureAwait(false),
                PostStatusUpdate update => await PostUpdateAsync(context, update, cancellationToken).ConfigureAwait(false),
                Announce announce => await AnnounceAsync(context, Text(announce.Text), cancellationToken).ConfigureAwait(false),
                NotifyUser notify => await NotifyAsync(context, notify, cancellationToken).ConfigureAwait(false),
                PostReview => await PostInChannelAsync(context, Message(cards.Review(PlatformNames.Slack, context.Incident), context), "review", cancellationToken).ConfigureAwait(false),
                ArchiveChannel archive => await ArchiveAsync(context, archive, cancellationToken).ConfigureAwait(false),
                _ => EffectOutcome.Done(),
            };
        }
        catch (SlackApiException e)
        {
            return Outcome(context, e.Error, e.RetryAfter);
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

    private EffectOutcome Outcome(EffectContext context, string error, TimeSpan? retryAfter)
    {
        LogSlackError(logger, context.StepKey, error);
        if (!Transient.Contains(error))
        {
            return EffectOutcome.Failed(error);
        }

        return EffectOutcome.Retry(error, retryAfter);
    }

    private static JsonObject Text(string text) => new() { ["text"] = Formatting.SlackText.Escape(Formatting.SlackText.Truncate(text, 3900)) };

    /// <summary>A card as a message: <c>{text, blocks}</c>, with a fallback text when the card has none.</summary>
    private static JsonObject Message(JsonNode card, EffectContext context)
    {
        var message = card.DeepClone() as JsonObject ?? new JsonObject();
        if (message["text"] is null)
        {
            message["text"] = context.Incident.Key;
        }

        return message;
    }

    private static string? Link(EffectContext context, string name) => context.Links.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    private static EffectOutcome ChannelNotOpen() => EffectOutcome.Retry("the incident channel is not open yet");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack step {Step}: {Error}")]
    private static partial void LogSlackError(ILogger logger, string step, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack step {Step}: {Method} failed in transport (may have applied: {Applied}); reconciling on the next attempt")]
    private static partial void LogTransport(ILogger logger, string step, string method, bool applied);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack step {Step}: {What}")]
    private static partial void LogStep(ILogger logger, string step, string what);
}
