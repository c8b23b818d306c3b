namespace ImtBot.Slack.Hosting;

/// <summary>
/// The <c>Slack</c> configuration section. Slack is on when <see cref="BotToken"/> is set; Socket Mode is used when
/// <see cref="AppToken"/> is set, otherwise Slack calls the HTTP request URLs, which need <see cref="SigningSecret"/>.
/// </summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    /// <summary>Verifies HTTP-mode requests (Basic Information → Signing Secret). Required without an app token.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>The bot token (<c>xoxb-…</c>) used for every Web API call.</summary>
    public string? BotToken { get; set; }

    /// <summary>The app-level token (<c>xapp-…</c>, scope <c>connections:write</c>); set it to use Socket Mode.</summary>
    public string? AppToken { get; set; }

    /// <value>The default value is <c>https://slack.com/api/</c>; tests point it at a local fake.</value>
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>The channel id (<c>C…</c>) for declarations and stakeholder updates; the bot must be a member. None: no announcements.</summary>
    public string? AnnouncementsChannel { get; set; }

    /// <value>How long after close the incident channel is archived. The default value is 7 days.</value>
    public TimeSpan ArchiveAfter { get; set; } = TimeSpan.FromDays(7);

    /// <value>Web API retries on 429 or a failure to connect. The default value is 3.</value>
    public int MaxRetries { get; set; } = 3;

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);

    public bool SocketMode => !string.IsNullOrWhiteSpace(AppToken);
}
