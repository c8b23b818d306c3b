using System.Net;
using System.Text.Json.Nodes;
using ImtBot.Tests.Infrastructure;

namespace ImtBot.Tests.Security;

/// <summary>
/// A private incident through the host's HTTP API in the loopback local demo, where the console user switcher's
/// <c>?user=</c> is the person asking: a non-participant sees only its number and severity, a participant and an admin
/// (the machine's owner, who names no user) see everything.
/// </summary>
public class PrivateIncidentTests : IAsyncLifetime
{
    private static readonly string[] Pages =
    [
        "/api/incidents/1", "/api/incidents/1/timeline", "/api/incidents/1/review.md", "/api/incidents/1/audit",
        "/api/incidents/1/alerts", "/api/incidents/1/aar.md", "/api/incidents/1/evidence.zip",
    ];

    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync();
        var (accepted, text, _) = await _host.SayAsync("alice", "general", "/incident declare Payroll export leaked sev2 private");
        Assert.True(accepted, text);
        var (updated, said, _) = await _host.SayAsync("alice", "general", "/incident update INC-1 Payroll bucket locked down");
        Assert.True(updated, said);
        await _host.SayAsync("alice", "general", "/incident declare Search is down sev3");
        await _host.DrainOutboxAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task NonParticipant_SeesNumberAndSeverityOnly_InTheListing()
    {
        var body = await _host.Http.GetStringAsync("/api/incidents?user=dan");

        var rows = JsonNode.Parse(body)!.AsArray();
        var secret = (JsonObject)rows.Single(r => (int)r!["number"]! == 1)!;
        Assert.Equal(2, (int)secret["severity"]!);
        Assert.Equal("INC-1", (string)secret["key"]!);
        Assert.Equal("Private incident", (string)secret["title"]!);
        Assert.DoesNotContain("Payroll", body, StringComparison.Ordinal);
        Assert.Contains("Search is down", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonParticipant_IsRefusedEveryPage()
    {
        foreach (var page in Pages)
        {
            var response = await _host.Http.GetAsync(page + "?user=dan");
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{page}: {(int)response.StatusCode} {body}");
            Assert.DoesNotContain("Payroll", body, StringComparison.Ordinal);
        }

        // The public incident stays readable to the same person.
        Assert.Equal(HttpStatusCode.OK, (await _host.Http.GetAsync("/api/incidents/2/timeline?user=dan")).StatusCode);
    }

    [Fact]
    public async Task Participant_AndAdmin_SeeEveryPage()
    {
        foreach (var page in Pages)
        {
            foreach (var who in new[] { "?user=alice", "" })
            {
                // Not a drill: its after-action report is 404 to everyone, but never 403 to those who may see it.
                var response = await _host.Http.GetAsync(page + who);
                var expected = page.EndsWith("aar.md", StringComparison.Ordinal) ? HttpStatusCode.NotFound : HttpStatusCode.OK;
                Assert.True(response.StatusCode == expected, $"{page}{who}: {(int)response.StatusCode}");
            }
        }

        Assert.Contains("Payroll", await _host.Http.GetStringAsync("/api/incidents/1?user=alice"), StringComparison.Ordinal);
        Assert.Contains("Payroll", await _host.Http.GetStringAsync("/api/incidents?user=alice"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Announcements_NameNumberAndSeverityOnly()
    {
        var texts = (await _host.MessagesAsync("announcements", "dan")).Select(m => (string?)m!["text"] ?? "").ToArray();

        Assert.Contains(texts, t => t.Contains("INC-1: a private incident (SEV2)", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("Payroll", StringComparison.Ordinal));
    }
}
