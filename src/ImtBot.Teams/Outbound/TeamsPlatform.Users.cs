using ImtBot.Core.Platforms;
using ImtBot.Teams.Activities;
using ImtBot.Teams.Connector;

namespace ImtBot.Teams.Outbound;

internal sealed partial class TeamsPlatform
{
    /// <summary>
    /// The id a 1:1 chat is created with: the user's Teams id (<c>29:…</c>), as seen on their activities, else looked up
    /// in the team's roster by Entra object id (and remembered), else the object id itself as a last resort
    /// (docs/protocols.md §Teams Connector). The object id stays the user's identity in incidents and for Graph.
    /// </summary>
    private async Task<string> TeamsUserIdAsync(UserRef user, TeamReference? team, CancellationToken cancellationToken)
    {
        if (user.Id.StartsWith("29:", StringComparison.Ordinal))
        {
            return user.Id;
        }

        if (directory.TeamsUserId(user.Id) is { } known)
        {
            return known;
        }

        if (team is not null)
        {
            try
            {
                var member = await connector.GetMemberAsync(ServiceUrl(team), team.TeamId, user.Id, cancellationToken);
                if (member?.Id is { } id && id.StartsWith("29:", StringComparison.Ordinal))
                {
                    await directory.RememberUserAsync(user.Id, id, cancellationToken);
                    return id;
                }
            }
            catch (ConnectorException e) when (!e.IsTransient)
            {
                TeamsLog.UserLookupFailed(log, e);
            }
        }

        return user.Id;
    }
}
