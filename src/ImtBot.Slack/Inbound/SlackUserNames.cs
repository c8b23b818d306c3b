using System.Collections.Concurrent;
using ImtBot.Slack.WebApi;

namespace ImtBot.Slack.Inbound;

/// <summary>
/// Display names for user ids seen in events (which carry only the id), cached. The lookup runs inside Slack's 3 s
/// acknowledgement window, so it gets <see cref="LookupBudget"/> at most (a 429 never holds a command back); the id
/// stands in when it fails.
/// </summary>
public sealed class SlackUserNames(SlackWebApi api, TimeProvider time)
{
    public static readonly TimeSpan LookupBudget = TimeSpan.FromMilliseconds(1500);

    private readonly ConcurrentDictionary<string, string> names = new(StringComparer.Ordinal);

    public async Task<string> NameAsync(string userId, CancellationToken cancellationToken)
    {
        if (names.TryGetValue(userId, out var cached))
        {
            return cached;
        }

        using var budget = new CancellationTokenSource(LookupBudget, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        try
        {
            var user = await api.Users.InfoAsync(userId, linked.Token).ConfigureAwait(false);
            if (names.Count > 10_000)
            {
                names.Clear();
            }

            return names[userId] = user.Name;
        }
        catch (Exception e) when (e is SlackApiException or SlackTransportException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return userId;
        }
    }
}
