namespace ImtBot.Slack.WebApi;

/// <summary>How a Web API method is sent, limited and retried.</summary>
/// <param name="Name">e.g. <c>chat.postMessage</c>.</param>
/// <param name="Encoding">JSON body, form body, or GET with a query string.</param>
/// <param name="PerMinute">Slack's tier budget per minute (Tier 2 = 20, Tier 3 = 50, Tier 4 = 100); 0 = no method gate.</param>
/// <param name="Idempotent">Safe to repeat after an ambiguous failure (reads, set-to-value writes).</param>
/// <param name="PerChannelPerSecond">A per-channel rate (chat.postMessage: 1 message/s per channel); 0 = none.</param>
/// <param name="AppToken">Authenticated with the app-level token (apps.connections.open) instead of the bot token.</param>
public sealed record SlackMethod(string Name, SlackEncoding Encoding, int PerMinute, bool Idempotent, double PerChannelPerSecond = 0, bool AppToken = false);
