using System.Net;
using System.Text.Json;

namespace ImtBot.Teams.Testing;

/// <summary>
/// The documented rate and size limits: per bot per conversation (thread) 7 sends per second, 8 per 2 seconds, 60 per
/// 30 seconds and 1,800 per hour, 30 Bot Connector requests per second per app per tenant (any request, across all
/// the tenant's conversations), and Graph's 4 requests per second per team — an excess request is answered 429, as
/// the services do, and counts towards no limit — and at most 1,000 channels per team, where a deleted channel still
/// counts for 30 days.
/// </summary>
public sealed partial class TeamsServiceRules
{
    public const int ChannelsPerTeam = 1000;

    /// <summary>What Graph answers (400) when a team already has as many channels as Teams allows.</summary>
    public const string ChannelLimitMessage = "The team has reached the maximum number of channels (1000, including channels deleted in the last 30 days).";

    public static readonly TimeSpan DeletedChannelsCountFor = TimeSpan.FromDays(30);

    public static IReadOnlyList<(int Count, TimeSpan Window)> ConversationLimits { get; } =
        [(7, TimeSpan.FromSeconds(1)), (8, TimeSpan.FromSeconds(2)), (60, TimeSpan.FromSeconds(30)), (1800, TimeSpan.FromHours(1))];

    public static IReadOnlyList<(int Count, TimeSpan Window)> TeamLimits { get; } = [(4, TimeSpan.FromSeconds(1))];

    public static IReadOnlyList<(int Count, TimeSpan Window)> TenantLimits { get; } = [(30, TimeSpan.FromSeconds(1))];

    private readonly Dictionary<string, List<DateTimeOffset>> accepted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Id, DateTimeOffset? Deleted)>> channels = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock limitsGate = new();

    /// <summary>Adds <paramref name="count"/> channels to a team (channels made by people, or before the test).</summary>
    public void SeedChannels(string groupId, int count)
    {
        lock (limitsGate)
        {
            var list = Channels(groupId);
            for (var i = 0; i < count; i++)
            {
                list.Add(($"19:seed-{list.Count}@thread.tacv2", null));
            }
        }
    }

    /// <summary>Deletes a channel now: it keeps counting towards the limit for 30 days.</summary>
    public bool DeleteChannel(string groupId, string channelId)
    {
        lock (limitsGate)
        {
            var list = Channels(groupId);
            var i = list.FindIndex(c => c.Id == channelId && c.Deleted is null);
            if (i < 0)
            {
                return false;
            }

            list[i] = (channelId, Time.GetUtcNow());
            return true;
        }
    }

    /// <summary>The channels that count towards the team's limit at <paramref name="at"/>.</summary>
    public int ChannelCount(string groupId, DateTimeOffset? at = null)
    {
        var now = at ?? Time.GetUtcNow();
        lock (limitsGate)
        {
            return Channels(groupId).Count(c => c.Deleted is null || c.Deleted > now - DeletedChannelsCountFor);
        }
    }

    /// <summary>Notes what a successful answer created (a channel, a chat, an app in a chat).</summary>
    internal void Observe(RecordedRequest request, HttpStatusCode status)
    {
        if ((int)status is < 200 or > 299 || request.Method != HttpMethod.Post)
        {
            return;
        }

        var uri = new Uri(request.Url);
        if (GraphChannels().Match(uri.AbsolutePath) is { Success: true } graph && graph.Groups["rest"].Value.Length == 0
            && ReadPath(request.ResponseBody ?? "", "id") is { } channelId)
        {
            lock (limitsGate)
            {
                Channels(graph.Groups["team"].Value).Add((channelId, null));
            }
        }

        ObserveChat(request, uri);
    }

    /// <summary>
    /// A 429 when one more request for any of <paramref name="keys"/> (a conversation, a team, a tenant; null ones are
    /// skipped) would break a documented window; otherwise counts it under each.
    /// </summary>
    private HttpResponseMessage? Throttle(DateTimeOffset at, params string?[] keys)
    {
        lock (limitsGate)
        {
            foreach (var key in keys.OfType<string>())
            {
                if (!accepted.TryGetValue(key, out var times))
                {
                    accepted[key] = times = [];
                }

                foreach (var (count, window) in LimitsOf(key))
                {
                    if (times.Count(t => t > at - window) >= count)
                    {
                        return FakeHttp.Json(
                            HttpStatusCode.TooManyRequests,
                            JsonSerializer.Serialize(new { error = new { code = "TooManyRequests", message = $"More than {count} requests in {window.TotalSeconds:0} s for {key}." } }));
                    }
                }
            }

            foreach (var key in keys.OfType<string>())
            {
                accepted[key].Add(at);
            }

            return null;
        }
    }

    private static IReadOnlyList<(int Count, TimeSpan Window)> LimitsOf(string key) =>
        key.StartsWith("team:", StringComparison.Ordinal) ? TeamLimits
        : key.StartsWith("tenant:", StringComparison.Ordinal) ? TenantLimits
        : ConversationLimits;

    /// <summary>
    /// The tenant a Bot Connector request (<c>…/v3/…</c>) counts against: the tenant id in its service URL
    /// (<c>https://smba…/amer/{tenant id}/v3/…</c>), else the service URL itself; null for any other request.
    /// </summary>
    private static string? ConnectorTenant(Uri uri)
    {
        var v3 = uri.AbsolutePath.IndexOf("/v3/", StringComparison.Ordinal);
        if (v3 < 0)
        {
            return null;
        }

        var serviceUrl = uri.AbsolutePath[..v3];
        var last = serviceUrl[(serviceUrl.LastIndexOf('/') + 1)..];
        return "tenant:" + (Guid.TryParse(last, out var tenant) ? tenant.ToString("D") : uri.Host + serviceUrl);
    }

    private List<(string Id, DateTimeOffset? Deleted)> Channels(string groupId)
    {
        if (!channels.TryGetValue(groupId, out var list))
        {
            channels[groupId] = list = [];
        }

        return list;
    }
}
