using System.Collections.Concurrent;
using ImtBot.Slack.WebApi;

namespace ImtBot.Slack.Inbound;

/// <summary>Display names for user ids seen in events (which carry only the id), cached; the id when the lookup fails.</summary>
public sealed class SlackUserNames(SlackWebApi api)
{
    private readonly ConcurrentDictionary<string, string> names = new(StringComparer.Ordinal);

    public async Task<string> NameAsync(string userId, CancellationToken cancellationToken)
    {
        if (names.TryGetValue(userId, out var cached))
        {
            return cached;
        }

        try
        {
            var user = await api.Users.InfoAsync(userId, cancellationToken).ConfigureAwait(false);
            if (names.Count > 10_000)
            {
                names.Clear();
            }

            return names[userId] = user.Name;
        }
        catch (Exception e) when (e is SlackApiException or SlackTransportException)
        {
            return userId;
        }
    }
}
