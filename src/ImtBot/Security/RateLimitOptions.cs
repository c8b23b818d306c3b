namespace ImtBot.Security;

/// <summary>
/// The <c>RateLimits</c> section: requests per source address and minute on the endpoints anyone can reach (chat and
/// alert webhooks, console actions). Slack retries a delivery up to 3 times and Teams a few, well within the defaults.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Requests a minute from one source to the Slack, Teams and alert endpoints.</summary>
    /// <value>The default is 600.</value>
    public int WebhooksPerMinute { get; set; } = 600;

    /// <summary>Requests a minute from one source to the console's actions.</summary>
    /// <value>The default is 120.</value>
    public int ConsolePerMinute { get; set; } = 120;
}
