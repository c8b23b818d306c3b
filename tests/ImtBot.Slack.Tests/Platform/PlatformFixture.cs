using ImtBot.Core.Effects;
using ImtBot.Core.Incidents;
using ImtBot.Core.Ports;
using ImtBot.Slack.Platform;
using ImtBot.Slack.Tests.Fakes;

namespace ImtBot.Slack.Tests.Platform;

/// <summary>Runs effects through the registered <see cref="IChatPlatform"/> against the fake, like the dispatcher does.</summary>
public static class PlatformFixture
{
    public static Task<EffectOutcome> RunAsync(this SlackTestHost host, Incident incident, Effect effect, IReadOnlyDictionary<string, string>? links = null, int attempt = 1, string? step = null) =>
        host.Get<IChatPlatform>().ExecuteAsync(
            new EffectContext(step ?? $"{incident.Number}:{effect.Kind}:1", incident, effect, links ?? new Dictionary<string, string>(), attempt),
            CancellationToken.None);

    public static Dictionary<string, string> ChannelLinks(string channel, string? card = null)
    {
        var links = new Dictionary<string, string> { [SlackPlatform.ChannelLink] = channel };
        if (card is not null)
        {
            links[SlackPlatform.CardLink] = card;
        }

        return links;
    }
}
