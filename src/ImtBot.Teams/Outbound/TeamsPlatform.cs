using System.Collections.Concurrent;
using ImtBot.Cards;
using ImtBot.Core.Effects;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Teams.Activities;
using ImtBot.Teams.Capacity;
using ImtBot.Teams.Connector;
using ImtBot.Teams.Graph;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ImtBot.Teams.Outbound;

/// <summary>
/// Runs the effects of incidents that live on Teams through the Bot Connector and Microsoft Graph. Transient faults
/// (throttling, gateways, no answer) come back as <see cref="EffectOutcomeKind.Retry"/>; parts of an effect already done
/// in this process are remembered so a retry does not post them twice, and channels are reconciled by name.
/// </summary>
internal sealed partial class TeamsPlatform(
    ConnectorClient connector,
    GraphClient graph,
    TeamDirectory directory,
    IIncidentCards cards,
    IOptions<TeamsOptions> options,
    TimeProvider time,
    ILogger<TeamsPlatform> log,
    ChannelLedger ledger) : IChatPlatform, IAlertPagePlatform
{
    private readonly ConcurrentDictionary<string, string> partsDone = new(StringComparer.Ordinal);

    // A user's 1:1 chat with the bot by tenant and member: the chat keeps its id, so it is created once per process,
    // not once a message (in an alert storm every page to the on-call re-created it: a Connector request each, under
    // the tenant's 30 a second).
    private readonly ConcurrentDictionary<(string Tenant, string Member), string> directChats = new();

    public string Name => PlatformNames.Teams;

    public async Task<EffectOutcome> ExecuteAsync(EffectContext context, CancellationToken cancellationToken)
    {
        using var step = TeamsPacing.ForStep(context.StepKey);
        try
        {
            var outcome = context.Effect switch
            {
                OpenChannel => await OpenChannelAsync(context, cancellationToken),
                SyncIncidentCard => await SyncCardAsync(context, cancellationToken),
                InviteUsers e => await InviteAsync(context, e, cancellationToken),
                SendPage e => await SendPageAsync(context, e, cancellationToken),
                SyncPageCard e => await SyncPageCardAsync(context, e, cancellationToken),
                PostToChannel e => await PostTextAsync(context, e.Text, cancellationToken),
                PostStatusUpdate e => await PostStatusUpdateAsync(context, e, cancellationToken),
                Announce e => await AnnounceAsync(context, e, cancellationToken),
                NotifyUser e => await NotifyAsync(context, e, cancellationToken),
                PostReview => await PostReviewAsync(context, cancellationToken),
                ArchiveChannel => await ArchiveAsync(context, cancellationToken),
                _ => EffectOutcome.Failed($"Teams cannot run a {context.Effect.Kind} effect"),
            };
            if (outcome.Kind != EffectOutcomeKind.Retry)
            {
                foreach (var key in partsDone.Keys.Where(k => k.StartsWith(context.StepKey + "|", StringComparison.Ordinal)))
                {
                    partsDone.TryRemove(key, out _);
                }
            }

            return outcome;
        }
        catch (ConnectorPacedException e)
        {
            // Its turn is later. A part it already posted is remembered (OnceAsync) and not posted again; when it sent
            // nothing that changes something, the attempt does not count (and the next one need not reconcile). What
            // it remembers is no measure of that: it also remembers choices (the team a channel goes to), and a channel
            // step paced before it created anything would come back as a retry and spend a Graph read of the team's
            // channels, from the 4 a second per team that creating channels needs, before every channel in a storm.
            return EffectOutcome.Paced(e.Wait, sent: TeamsPacing.StepHasSent);
        }
        catch (ConnectorException e)
        {
            // The step keeps Teams' short answer as its error; the log gets the exception. When to try a transient
            // fault again is the dispatcher's decision, no sooner than Teams' Retry-After (docs/reliability.md §Retries).
            TeamsLog.EffectFailed(log, e, context.StepKey);
            return e.IsTransient ? EffectOutcome.Retry(e.Message, e.RetryAfter) : EffectOutcome.Failed(e.Message);
        }
    }

    /// <summary>Runs one part of an effect once per process (until the effect completes), remembering its result.</summary>
    private async Task<string> OnceAsync(EffectContext context, string part, Func<Task<string>> action)
    {
        var key = context.StepKey + "|" + part;
        if (partsDone.TryGetValue(key, out var done))
        {
            return done;
        }

        var result = await action();
        partsDone[key] = result;
        return result;
    }

    private TeamReference? Team => directory.IncidentTeam();

    /// <summary>The team the incident's channel is in (<see cref="TeamsLinks.Team"/>), else the incident team.</summary>
    private TeamReference? TeamOf(EffectContext context) =>
        context.Links.TryGetValue(TeamsLinks.Team, out var id) && directory.FindTeam(id) is { } team ? team : Team;

    private string ServiceUrl(TeamReference? team) => team?.ServiceUrl ?? directory.ServiceUrlFor(options.Value.TenantId);

    private string TenantId(TeamReference? team) => team?.TenantId ?? options.Value.TenantId;

    private string BotId => "28:" + options.Value.AppId;

    /// <summary>Where messages about the incident go: its channel (a new post) or its thread (a reply).</summary>
    private static string? IncidentConversation(EffectContext context) =>
        context.Links.TryGetValue(TeamsLinks.Channel, out var channel) ? channel : null;

    private static EffectOutcome ChannelNotOpen() => EffectOutcome.Retry("the incident's Teams channel is not open yet");
}
