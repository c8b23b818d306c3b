using System.Net;
using System.Net.Http.Json;
using System.Text;
using ImtBot.Tests.Infrastructure;

namespace ImtBot.Tests.Api;

/// <summary>Bad input gets a clear message and changes nothing.</summary>
public class BadInputTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task PostMessage_UnknownUser_400NamingKnownUsers()
    {
        var response = await _host.Http.PostAsJsonAsync("/api/console/messages", new { user = "mallory", channel = "general", text = "/incident declare x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("mallory", body);
        Assert.Contains("alice", body);
        Assert.Empty(await _host.GetArrayAsync("/api/incidents"));
    }

    [Fact]
    public async Task PostMessage_MalformedJson_400()
    {
        var response = await _host.Http.PostAsync("/api/console/messages", new StringContent("{\"user\": \"alice\",", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid JSON", await response.Content.ReadAsStringAsync());
    }

    public static TheoryData<string, byte[], string> NotQuiteJson => new()
    {
        { "a key twice", Encoding.UTF8.GetBytes("{\"user\":\"alice\",\"user\":\"bob\",\"channel\":\"general\",\"text\":\"/incident declare x\"}"), "user" },
        { "invalid UTF-8", [.. Encoding.UTF8.GetBytes("{\"user\":\"alice\",\"channel\":\"general\",\"text\":\"/incident declare "), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"}")], "$.text" },
        { "a lone surrogate", Encoding.UTF8.GetBytes("{\"user\":\"alice\",\"channel\":\"general\",\"text\":\"/incident declare \\ud800 x\"}"), "$.text" },
        { "a lone surrogate in a name", Encoding.UTF8.GetBytes("{\"user\":\"alice\",\"channel\":\"general\",\"text\":\"/incident declare x\",\"\\udc00\":1}"), "property name" },
    };

    [Theory]
    [MemberData(nameof(NotQuiteJson))]
    public async Task PostMessage_NotQuiteJson_400SayingWhatIsWrongAndNothingStored(string what, byte[] body, string named)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");

        var response = await _host.Http.PostAsync("/api/console/messages", content);

        var detail = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {response.StatusCode} {detail}");
        Assert.Contains("not valid JSON", detail);
        Assert.Contains(named, detail);
        Assert.Empty(await _host.GetArrayAsync("/api/incidents"));
    }

    [Fact]
    public async Task PostAction_KeyTwiceInsideData_400()
    {
        var content = new StringContent("{\"user\":\"alice\",\"messageId\":\"m\",\"data\":{\"command\":\"ack\",\"command\":\"resolved\"}}", Encoding.UTF8, "application/json");

        var response = await _host.Http.PostAsync("/api/console/actions", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("command", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PostMessage_BodyOver256KB_413AndNothingStored()
    {
        var title = new string('x', 300 * 1024);
        var response = await _host.Http.PostAsJsonAsync("/api/console/messages", new { user = "alice", channel = "general", text = "/incident declare " + title });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await _host.GetArrayAsync("/api/incidents"));
    }

    [Fact]
    public async Task PostAction_WithoutCommand_400()
    {
        (await _host.Http.PostAsJsonAsync("/api/console/messages", new { user = "alice", channel = "general", text = "hello" })).EnsureSuccessStatusCode();
        var message = (string)(await _host.MessagesAsync("general")).Last()!["id"]!;

        var response = await _host.Http.PostAsJsonAsync("/api/console/actions", new { user = "alice", messageId = message, data = new { verb = "x" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/incidents/42")]
    [InlineData("/api/incidents/42/timeline")]
    [InlineData("/api/incidents/42/review.md")]
    [InlineData("/api/incidents/42/audit")]
    public async Task Get_UnknownIncident_404(string path)
    {
        var response = await _host.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("INC-42", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_LiveAndReady()
    {
        Assert.Equal(HttpStatusCode.OK, (await _host.Http.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.Http.GetAsync("/readyz")).StatusCode);
    }
}
