namespace ImtBot.Slack.Hosting;

/// <summary>
/// The <c>Slack</c> configuration section. Slack is on when <see cref="BotToken"/> is set; Socket Mode is used when
/// <see cref="AppToken"/> is set, otherwise Slack calls the HTTP request URLs, which need <see cref="SigningSecret"/>.
/// </summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    /// <summary>Verifies HTTP-mode requests (Basic Information → Signing Secret). Required without an app token.</summary>
    /// <value>The default is unset.</value>
    public string? SigningSecret { get; set; }

    /// <summary>The bot token (<c>xoxb-…</c>) used for every Web API call.</summary>
    /// <value>The default is unset: Slack is off.</value>
    public string? BotToken { get; set; }

    /// <summary>The app-level token (<c>xapp-…</c>, scope <c>connections:write</c>); set it to use Socket Mode.</summary>
    /// <value>The default is unset: HTTP request URLs.</value>
    public string? AppToken { get; set; }

    /// <summary>The Web API base URL; tests point it at a local fake.</summary>
    /// <value>The default is <c>https://slack.com/api/</c>.</value>
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>The channel id (<c>C…</c>) for declarations and stakeholder updates; the bot must be a member.</summary>
    /// <value>The default is unset: no announcements.</value>
    public string? AnnouncementsChannel { get; set; }

    /// <summary>How long after close the incident channel is archived.</summary>
    /// <value>The default is 7 days.</value>
    public TimeSpan ArchiveAfter { get; set; } = TimeSpan.FromDays(7);

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);

    public bool SocketMode => !string.IsNullOrWhiteSpace(AppToken);
}
