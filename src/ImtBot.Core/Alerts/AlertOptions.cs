using ImtBot.Core.Platforms;

namespace ImtBot.Core.Alerts;

/// <summary>
/// The <c>Alerts</c> section: the monitoring integrations that may post alerts, the routes that say what an alert
/// does, and the heartbeats that must keep arriving.
/// </summary>
public sealed class AlertOptions
{
    public const string SectionName = "Alerts";

    /// <summary>The platform where incidents declared from alerts live (their channel, card and pages).</summary>
    /// <value>The default is console.</value>
    public string Platform { get; set; } = PlatformNames.Console;

    /// <summary>The channel an incident declared from an alert names as where it was declared.</summary>
    /// <value>The default is alerts.</value>
    public string Channel { get; set; } = "alerts";

    /// <summary>The role paged when no route matches (and by <c>attach</c> when no open incident has the grouping key).</summary>
    /// <value>The default is ops.</value>
    public string DefaultRole { get; set; } = "ops";

    /// <summary>The largest alert or heartbeat body accepted; a bigger one is answered 413 and nothing is stored.</summary>
    /// <value>The default is 1 MiB.</value>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>One endpoint <c>POST /api/alerts/&lt;name&gt;</c> per integration.</summary>
    /// <value>The default is none.</value>
    public Dictionary<string, AlertIntegration> Integrations { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Tried in order; the first whose integration and labels match decides. No match pages <see cref="DefaultRole"/>.</summary>
    /// <value>The default is none.</value>
    public List<AlertRoute> Routes { get; set; } = [];

    /// <summary>Dead man's switches: <c>POST /api/heartbeats/&lt;name&gt;</c> must arrive within each interval.</summary>
    /// <value>The default is none.</value>
    public Dictionary<string, AlertHeartbeat> Heartbeats { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>One integration: its payload format and the bearer token it must send.</summary>
public sealed class AlertIntegration
{
    /// <summary><c>alertmanager</c>, <c>grafana</c> or <c>generic</c>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>Sent as <c>Authorization: Bearer &lt;token&gt;</c>; at least 16 characters.</summary>
    public string Token { get; set; } = "";
}

/// <summary>One routing rule: when the integration (if set) and every label given match, do <see cref="Action"/>.</summary>
public sealed class AlertRoute
{
    /// <summary>The integration name it applies to; unset means any.</summary>
    public string? Integration { get; set; }

    /// <summary>Labels that must all have exactly these values.</summary>
    public Dictionary<string, string> Labels { get; set; } = new(StringComparer.Ordinal);

    /// <summary><c>page &lt;role&gt;</c>, <c>declare &lt;sev&gt; [type &lt;t&gt;]</c> or <c>attach</c>.</summary>
    public string Action { get; set; } = "";
}

/// <summary>One heartbeat: how often it must arrive, its token, and the role paged when it stops.</summary>
public sealed class AlertHeartbeat
{
    public TimeSpan Interval { get; set; }

    public string Token { get; set; } = "";

    /// <summary>The role paged when a beat is missed; unset means <c>Alerts:DefaultRole</c>.</summary>
    public string? Role { get; set; }
}
