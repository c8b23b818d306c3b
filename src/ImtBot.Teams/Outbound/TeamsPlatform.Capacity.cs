using ImtBot.Core.Ports;
using ImtBot.Teams.Activities;
using ImtBot.Teams.Capacity;
using ImtBot.Teams.Connector;

namespace ImtBot.Teams.Outbound;

internal sealed partial class TeamsPlatform
{
    internal const string TeamsFullNotice =
        "Every incident team is close to Teams' limit of 1,000 channels, so this thread is the incident's channel.";

    private const string Full = "full";

    /// <summary>
    /// The team a new incident channel goes to: of the incident teams (<c>Teams:IncidentTeamIds</c>) the bot was added to,
    /// the one with the fewest counted channels, while it is below 1,000 minus <c>Teams:ChannelReserve</c>. Full is true
    /// when every one is at that line; both are empty when no team has a Microsoft 365 group id to create channels in.
    /// </summary>
    private (TeamReference? Team, bool Full) ChooseTeam(TeamReference home)
    {
        var configured = options.Value.IncidentTeams.Select(directory.FindTeam).OfType<TeamReference>().ToList();
        var teams = (configured.Count > 0 ? configured : [home])
            .Where(t => !string.IsNullOrEmpty(t.AadGroupId))
            .DistinctBy(t => t.AadGroupId, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var line = ChannelLedger.ChannelsPerTeam - options.Value.ChannelReserve;
        var roomy = teams.Select(t => (Team: t, Count: ledger.Count(t.AadGroupId!))).Where(t => t.Count < line).ToList();
        return roomy.Count > 0 ? (roomy.MinBy(t => t.Count).Team, false) : (null, teams.Count > 0);
    }

    /// <summary>Counts the channel in its team's ledger, warns the admins once the team reaches 80 % of the limit, and links the incident to it.</summary>
    private async Task<EffectOutcome> OpenedInAsync(EffectContext context, TeamReference team, string group, string channelId, CancellationToken cancellationToken)
    {
        var (count, warn) = await ledger.RecordCreatedAsync(group, channelId, context.Incident.Key, cancellationToken);
        if (warn)
        {
            var name = team.TeamName ?? group;
            var line = ChannelLedger.ChannelsPerTeam - options.Value.ChannelReserve;
            TeamsLog.TeamNearChannelLimit(log, name, count, ChannelLedger.ChannelsPerTeam, line);
            try
            {
                await SendToAnnouncementsAsync(
                    OutboundActivity.Text($"ImtBot: the team {name} holds {count} of the 1,000 channels Teams allows (deleted channels count for 30 days). "
                        + $"From {line} on, new incidents run in threads: add another team to Teams:IncidentTeamIds, or delete channels of old incidents."),
                    cancellationToken);
            }
            catch (ConnectorException e)
            {
                // The channel exists; the warning is in the log either way.
                TeamsLog.EffectPartFailed(log, e, context.StepKey, "channel limit warning not announced");
            }
        }

        return EffectOutcome.Done(new Dictionary<string, string>
        {
            [TeamsLinks.Channel] = channelId,
            [TeamsLinks.ChannelMode] = TeamsLinks.ModeChannel,
            [TeamsLinks.Team] = group,
        });
    }
}
