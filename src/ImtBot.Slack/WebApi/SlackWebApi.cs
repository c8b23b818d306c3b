using System.Text.Json.Nodes;

namespace ImtBot.Slack.WebApi;

/// <summary>The typed Web API, grouped like Slack's method families.</summary>
public sealed class SlackWebApi(SlackApiClient client)
{
    private string? botUserId;

    public ConversationsApi Conversations { get; } = new(client);

    public ChatApi Chat { get; } = new(client);

    public ViewsApi Views { get; } = new(client);

    public UsersApi Users { get; } = new(client);

    public PinsApi Pins { get; } = new(client);

    /// <summary>How far off a change's turn under a rate limit may be for a step to wait for it in place (see <see cref="SlackRateGate.Patience"/>).</summary>
    public TimeSpan Patience => client.Patience;

    /// <summary>The calls made from here on in this async flow are <paramref name="stepKey"/>'s (see <see cref="SlackApiClient.ForStep"/>).</summary>
    public IDisposable ForStep(string stepKey) => client.ForStep(stepKey);

    /// <summary>What the current step's last change produced, kept if it is sent away (see <see cref="SlackApiClient.Learn"/>).</summary>
    public void Learn(string link, string value) => client.Learn(link, value);

    /// <summary><c>apps.connections.open</c> with the app-level token: a one-time Socket Mode URL.</summary>
    public async Task<Uri> OpenConnectionAsync(CancellationToken ct = default) =>
        new((await client.CallAsync(SlackMethods.AppsConnectionsOpen, new JsonObject(), ct)).GetProperty("url").GetString()!);

    /// <summary>
    /// Slack's clock against ours (see <see cref="SlackClock"/>); asks Slack once (<c>auth.test</c>) when no answer has
    /// told it yet. Null when Slack's answers carry no <c>Date</c> header.
    /// </summary>
    public async Task<SlackClock.Offset?> ClockOffsetAsync(CancellationToken ct = default)
    {
        if (client.Clock.Current is null)
        {
            await client.CallAsync(SlackMethods.AuthTest, new JsonObject(), ct);
        }

        return client.Clock.Current;
    }

    /// <summary>The bot's own user id (<c>auth.test</c>), cached after the first call.</summary>
    public async Task<string> BotUserIdAsync(CancellationToken ct = default) =>
        botUserId ??= (await client.CallAsync(SlackMethods.AuthTest, new JsonObject(), ct)).GetProperty("user_id").GetString()!;
}
