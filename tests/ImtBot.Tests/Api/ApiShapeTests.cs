using System.Net;
using System.Text.Json.Nodes;
using ImtBot.Tests.Infrastructure;

namespace ImtBot.Tests.Api;

/// <summary>
/// The JSON the API returns is a contract (the README and the console page read it): the DTO records must keep
/// every name, in order, and the errors stay problem details.
/// </summary>
public class ApiShapeTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync();
        await _host.SayAsync("alice", "general", "/incident declare Search is down sev2");
        await _host.DrainOutboxAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task List_RowsHaveTheSummaryFields()
    {
        var row = (JsonObject)(await _host.GetArrayAsync("/api/incidents")).Single()!;

        Assert.Equal(["number", "key", "title", "severity", "kind", "state", "platform", "declaredAt", "resolvedAt", "closedAt"], Names(row));
        Assert.Equal("INC-1", (string?)row["key"]);
        Assert.Equal(2, (int?)row["severity"]);
        Assert.Null(row["closedAt"]);
    }

    [Fact]
    public async Task Get_IncidentHasEveryField()
    {
        var incident = await _host.GetJsonAsync("/api/incidents/1");

        Assert.Equal(
            ["number", "key", "title", "summary", "impact", "severity", "kind", "state", "platform", "declaredBy", "declaredAt", "acknowledgedAt",
             "mitigatedAt", "resolvedAt", "closedAt", "roles", "pages", "updates", "actions", "version", "head"],
            Names(incident));
        Assert.Equal(["platform", "id", "name"], Names((JsonObject)incident["declaredBy"]!));
        Assert.Equal("alice", (string?)incident["declaredBy"]!["id"]);
        var role = (JsonObject)incident["roles"]!.AsArray()[0]!;
        Assert.Equal(["role", "holder", "since"], Names(role));
    }

    [Fact]
    public async Task Timeline_AndAudit_KeepTheirFields()
    {
        var first = (JsonObject)(await _host.GetArrayAsync("/api/incidents/1/timeline"))[0]!;
        var audit = await _host.GetJsonAsync("/api/incidents/1/audit");

        Assert.Equal(["seq", "at", "actor", "type", "text", "data", "hash"], Names(first));
        Assert.Equal(["valid", "events", "head", "brokenAt", "problem"], Names(audit));
        Assert.True((bool)audit["valid"]!);
    }

    [Theory]
    [InlineData("/api/incidents/99")]
    [InlineData("/api/incidents/99/timeline")]
    [InlineData("/api/incidents/99/review.md")]
    [InlineData("/api/incidents/99/audit")]
    public async Task Unknown_IsAProblem404NamingTheIncident(string path)
    {
        var response = await _host.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(404, (int?)problem["status"]);
        Assert.Equal("There is no incident INC-99.", (string?)problem["detail"]);
    }

    [Fact]
    public async Task Health_AndReady_AreStatusOnly()
    {
        Assert.Equal("""{"status":"ok"}""", await _host.Http.GetStringAsync("/healthz"));
        Assert.Equal("""{"status":"ready"}""", await _host.Http.GetStringAsync("/readyz"));
    }

    private static string[] Names(JsonObject o) => [.. o.Select(p => p.Key)];
}
