using System.Net.Http.Headers;
using System.Text;
using ImtBot.Tests.Infrastructure;

namespace ImtBot.Tests.Alerts;

/// <summary>A test host with three alert integrations (Alertmanager, Grafana, generic), on-call lists and routes, and helpers to post to them.</summary>
internal static class AlertHost
{
    public const string AlertmanagerToken = "am-token-0123456789abcdef";
    public const string GrafanaToken = "gf-token-0123456789abcdef";
    public const string GenericToken = "gen-token-0123456789abcdef";

    public static readonly string[] Settings =
    [
        "Alerts:Integrations:am:Kind=alertmanager",
        $"Alerts:Integrations:am:Token={AlertmanagerToken}",
        "Alerts:Integrations:gf:Kind=grafana",
        $"Alerts:Integrations:gf:Token={GrafanaToken}",
        "Alerts:Integrations:gen:Kind=generic",
        $"Alerts:Integrations:gen:Token={GenericToken}",
        "Alerts:Routes:0:Labels:severity=critical",
        "Alerts:Routes:0:Action=declare sev2",
        "Alerts:Routes:1:Integration=gf",
        "Alerts:Routes:1:Action=declare sev3 type storage",
        "Alerts:Routes:2:Labels:route=attach",
        "Alerts:Routes:2:Action=attach",
        "Incidents:OnCall:ops:0=bob",
        "Incidents:OnCall:ops:1=carol",
    ];

    public static Task<TestHost> StartAsync(params string[] more) => TestHost.StartAsync(settings: [.. Settings, .. more]);

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests", "ImtBot.Tests", "Alerts", "Fixtures", name));

    public static Task<HttpResponseMessage> PostAsync(this TestHost host, string path, string body, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return host.Http.SendAsync(request);
    }

    /// <summary>One generic alert as JSON.</summary>
    public static string Generic(string fingerprint, string status = "firing", string title = "Queue backlog", string? labels = null, string? startsAt = null, string? group = null) =>
        "{" + $"\"title\":\"{title}\",\"fingerprint\":\"{fingerprint}\",\"status\":\"{status}\",\"severity\":\"sev3\"," +
        $"\"labels\":{labels ?? "{\"service\":\"queue\"}"},\"links\":[\"https://grafana.example/d/q\"]" +
        (startsAt is null ? "" : $",\"startsAt\":\"{startsAt}\"") + (group is null ? "" : $",\"group\":\"{group}\"") + "}";
}
