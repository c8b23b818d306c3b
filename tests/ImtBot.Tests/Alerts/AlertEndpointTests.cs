using System.Net;
using System.Text.Json.Nodes;
using ImtBot.Tests.Infrastructure;

namespace ImtBot.Tests.Alerts;

/// <summary>
/// <c>POST /api/alerts/&lt;integration&gt;</c> through the real host: the documented Alertmanager and Grafana payloads,
/// tokens, redelivery, and bad bodies that store nothing.
/// </summary>
public class AlertEndpointTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await AlertHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Alertmanager_DocumentedPayload_DeclaresOneIncidentForTheGroupAndPages()
    {
        var response = await _host.PostAsync("/api/alerts/am", AlertHost.Fixture("alertmanager-v4.json"), AlertHost.AlertmanagerToken);

        var body = await Json(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var alerts = body["alerts"]!.AsArray();
        Assert.Equal(["declared", "added"], alerts.Select(a => (string)a!["result"]!));
        Assert.All(alerts, a => Assert.Equal("INC-1", (string?)a!["incident"]));
        var incident = await _host.GetJsonAsync("/api/incidents/1");
        Assert.Equal("Checkout returns 5xx", (string?)incident["title"]);
        Assert.Equal(2, (int?)incident["severity"]);
        Assert.Equal("bob", (string?)incident["pages"]!.AsArray().Single()!["to"]!["id"]);
        var timeline = await _host.GetArrayAsync("/api/incidents/1/timeline");
        var fired = timeline.Where(e => (string?)e!["type"] == "alert_fired").Select(e => (string)e!["text"]!).ToArray();
        Assert.Equal(2, fired.Length);
        Assert.Contains("instance=checkout-1:8080", fired[0]);
        Assert.Contains("https://runbooks.example/checkout-5xx", fired[0]);
    }

    [Fact]
    public async Task Alertmanager_Redelivered_IsADuplicateAndStoresNothingNew()
    {
        await _host.PostAsync("/api/alerts/am", AlertHost.Fixture("alertmanager-v4.json"), AlertHost.AlertmanagerToken);
        var version = (long)(await _host.GetJsonAsync("/api/incidents/1"))["version"]!;

        var again = await Json(await _host.PostAsync("/api/alerts/am", AlertHost.Fixture("alertmanager-v4.json"), AlertHost.AlertmanagerToken));

        Assert.Equal(["duplicate", "duplicate"], again["alerts"]!.AsArray().Select(a => (string)a!["result"]!));
        Assert.Equal(version, (long)(await _host.GetJsonAsync("/api/incidents/1"))["version"]!);
        Assert.Single(await _host.GetArrayAsync("/api/incidents"));
    }

    [Fact]
    public async Task Grafana_DocumentedPayload_DeclaresForTheFiringAlertAndLeavesTheResolvedOneAlone()
    {
        var response = await _host.PostAsync("/api/alerts/gf", AlertHost.Fixture("grafana.json"), AlertHost.GrafanaToken);

        var alerts = (await Json(response))["alerts"]!.AsArray();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["declared", "ignored"], alerts.Select(a => (string)a!["result"]!));
        var incident = await _host.GetJsonAsync("/api/incidents/1");
        Assert.Equal("Memory pressure in zone eu-2", (string?)incident["title"]);
        Assert.Equal(3, (int?)incident["severity"]);
        var fired = (await _host.GetArrayAsync("/api/incidents/1/timeline")).Single(e => (string?)e!["type"] == "alert_fired")!;
        Assert.Null(fired["data"]!["requestedType"]);
        Assert.Equal("default", (string?)(await _host.GetJsonAsync("/api/incidents/1/alerts"))["type"]);
        Assert.Contains("https://grafana.example/d/mem01?viewPanel=3", (string)fired["text"]!);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-token-0123456789")]
    [InlineData(AlertHost.GrafanaToken)]
    public async Task MissingOrWrongToken_401AndNothingStored(string? token)
    {
        var response = await _host.PostAsync("/api/alerts/am", AlertHost.Fixture("alertmanager-v4.json"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(AlertHost.AlertmanagerToken, await response.Content.ReadAsStringAsync());
        Assert.Empty(await _host.GetArrayAsync("/api/incidents"));
    }

    [Fact]
    public async Task UnknownIntegration_404NamingTheSetting()
    {
        var response = await _host.PostAsync("/api/alerts/nagios", "{}", AlertHost.AlertmanagerToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Alerts:Integrations:nagios", await response.Content.ReadAsStringAsync());
    }

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { "am", "{\"version\":\"4\",\"alerts\":[", "not valid JSON" },
        { "am", "{\"version\":\"4\",\"alerts\":{}}", "$.alerts must be an array" },
        { "am", "{\"version\":\"3\",\"alerts\":[]}", "version 4" },
        { "am", "{\"version\":\"4\",\"alerts\":[{\"status\":5,\"fingerprint\":\"a\"}]}", "$.alerts[0].status must be a string" },
        { "am", "{\"version\":\"4\",\"alerts\":[{\"status\":\"firing\",\"fingerprint\":\"a\",\"labels\":{\"x\":1}}]}", "$.alerts[0].labels.x must be a string" },
        { "am", "{\"version\":\"4\",\"alerts\":[{\"status\":\"burning\",\"fingerprint\":\"a\"}]}", "\\\"firing\\\" or \\\"resolved\\\"" },
        { "am", "{\"version\":\"4\",\"alerts\":[{\"status\":\"firing\",\"fingerprint\":\"a\",\"startsAt\":\"yesterday\"}]}", "RFC 3339" },
        { "gen", "{\"title\":\"x\",\"status\":\"firing\"}", "$.fingerprint is missing" },
        { "gen", "{\"title\":\"x\",\"status\":\"firing\",\"fingerprint\":\"f\",\"links\":\"http://a\"}", "$.links must be an array" },
        { "gen", "[1,2]", "must be a JSON object" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task BadPayload_400SayingWhatIsWrongAndNothingStored(string integration, string body, string says)
    {
        var token = integration == "am" ? AlertHost.AlertmanagerToken : AlertHost.GenericToken;
        // A valid alert first in the same batch must not be stored either.
        var response = await _host.PostAsync($"/api/alerts/{integration}", body, token);

        var detail = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode} {detail}");
        Assert.Contains(says, detail);
        Assert.Empty(await _host.GetArrayAsync("/api/incidents"));
    }

    [Fact]
    public async Task BadSecondAlert_NothingOfTheBatchIsStored()
    {
        var body = "{\"version\":\"4\",\"alerts\":[{\"status\":\"firing\",\"fingerprint\":\"a\",\"labels\":{\"severity\":\"critical\"}},{\"status\":\"firing\"}]}";

        var response = await _host.PostAsync("/api/alerts/am", body, AlertHost.AlertmanagerToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("$.alerts[1].fingerprint", await response.Content.ReadAsStringAsync());
        Assert.Empty(await _host.GetArrayAsync("/api/incidents"));
    }

    [Fact]
    public async Task TenMegabytes_413AndNothingStored()
    {
        var huge = "{\"title\":\"x\",\"fingerprint\":\"f\",\"status\":\"firing\",\"pad\":\"" + new string('a', 10 * 1024 * 1024) + "\"}";

        var response = await _host.PostAsync("/api/alerts/gen", huge, AlertHost.GenericToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await _host.GetArrayAsync("/api/incidents"));
    }

    private static async Task<JsonObject> Json(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
}
