using ImtBot.Hosting;
using ImtBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ImtBot.Tests.Hosting;

/// <summary>Start-up refuses bad configuration and a database another instance holds, with one clear message and exit code 1.</summary>
public class StartupTests
{
    [Fact]
    public async Task RunAsync_BadConfiguration_Exit1ListingEveryProblem()
    {
        var errors = new StringWriter();
        var db = Path.Combine(Path.GetTempPath(), "imtbot-tests", Guid.NewGuid().ToString("N"), "imtbot.db");

        var exit = await ImtBotApp.RunAsync(
            ["--urls=http://127.0.0.1:0", $"--Storage:Path={db}", "--Incidents:PageRounds=0", "--Incidents:KeyRoles:0=wizard", "--Dispatcher:MaxAttempts=0"],
            errors);

        Assert.Equal(1, exit);
        var message = errors.ToString();
        Assert.Contains("Incidents:PageRounds", message);
        Assert.Contains("wizard", message);
        Assert.Contains("MaxAttempts", message);
    }

    // Each section's validator runs at start: a bad value stops the host with a message naming the setting, never a secret.
    [Theory]
    [InlineData("--Storage:MaxBatch=0", "Storage:MaxBatch must be between 1 and 10000")]
    [InlineData("--Storage:InboxWindow=00:01:00", "Storage:InboxWindow must be between")]
    [InlineData("--Storage:LeaderLease=00:00:01", "Storage:LeaderLease must be between 00:00:03 and 00:10:00")]
    [InlineData("--Slack:BotToken=xoxp-secret_user", "Slack:BotToken must be a bot token")]
    [InlineData("--Slack:BotToken=xoxb-secret_bot", "Slack:SigningSecret is required")]
    [InlineData("--Teams:AppId=not-a-guid", "Teams:AppId must be the bot's Microsoft App ID")]
    [InlineData("--Teams:AppId=11111111-2222-3333-4444-555555555555", "Teams:TenantId is required")]
    [InlineData("--Dispatcher:Lease=00:00:01", "Dispatcher:Lease must be between")]
    [InlineData("--Console:Users:0:Id=no spaces", "Console:Users")]
    [InlineData("--Incidents:Assessment:Matrix:0:Severity=SEV9", "Incidents:Assessment:Matrix:0:Severity is \"SEV9\", which is not a configured severity: use one of SEV1, SEV2, SEV3, SEV4.")]
    [InlineData("--Incidents:Assessment:Matrix:0:When:outage=yes", "Incidents:Assessment:Matrix:0:When names the question \"outage\"")]
    public async Task RunAsync_BadSetting_Exit1NamingTheSetting(string setting, string expected)
    {
        var errors = new StringWriter();
        var db = Path.Combine(Path.GetTempPath(), "imtbot-tests", Guid.NewGuid().ToString("N"), "imtbot.db");

        var exit = await ImtBotApp.RunAsync(["--urls=http://127.0.0.1:0", $"--Storage:Path={db}", "--Teams:AppPassword=secret-teams-password", setting], errors);

        Assert.Equal(1, exit);
        var message = errors.ToString();
        Assert.StartsWith("ImtBot cannot start: the configuration has problems:", message, StringComparison.Ordinal);
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DatabaseHeldByRunningInstance_Exit1NamingTheFile()
    {
        await using var running = await TestHost.StartAsync();
        var errors = new StringWriter();

        var exit = await ImtBotApp.RunAsync(["--urls=http://127.0.0.1:0", $"--Storage:Path={running.DatabasePath}"], errors);

        Assert.Equal(1, exit);
        Assert.Contains(Path.GetFileName(running.DatabasePath), errors.ToString());
    }

    [Fact]
    public async Task Options_OnePolicyValueConfigured_OtherDefaultsKept()
    {
        // The shipped response plans name the ops and scribe roles, which this configuration drops: run it without plans.
        var noPlans = Directory.CreateTempSubdirectory("imtbot-no-plans-").FullName;
        await using var host = await TestHost.StartAsync(settings: ["Incidents:Policies:SEV1:PageTimeout=00:02:00", "Incidents:Roles:0=commander", "Incidents:Roles:1=comms", "Incidents:KeyRoles:0=commander", $"Plans:Path={noPlans}"]);

        var options = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Core.Incidents.IncidentOptions>>().Value;

        Assert.Equal(TimeSpan.FromMinutes(2), options.PolicyFor(1).PageTimeout);
        Assert.Equal(TimeSpan.FromMinutes(30), options.PolicyFor(1).UpdateCadence);
        Assert.Equal(["commander", "comms"], options.Roles);
    }

    // Settings are read once; watching the JSON files means watching the whole content root, database included.
    [Fact]
    public async Task Configuration_Files_NotWatchedForChanges()
    {
        await using var host = await TestHost.StartAsync();

        var root = (Microsoft.Extensions.Configuration.IConfigurationRoot)host.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        var files = root.Providers.OfType<Microsoft.Extensions.Configuration.FileConfigurationProvider>().ToList();

        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.False(f.Source.ReloadOnChange, f.Source.Path));
    }

    [Fact]
    public async Task Console_DisabledByConfiguration_PageAndApiAbsent()
    {
        await using var host = await TestHost.StartAsync(settings: ["Console:Enabled=false"]);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await host.Http.GetAsync("/")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await host.Http.GetAsync("/api/console/users")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await host.Http.GetAsync("/api/incidents")).StatusCode);
    }

    [Theory]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://127.0.0.1:0", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://[::]:5080", false)]
    [InlineData("http://+:80", false)]
    [InlineData("http://*:80", false)]
    [InlineData("https://bot.example.com:443", false)]
    [InlineData("http://unix:/run/imtbot.sock", false)]
    public void ListenAddress_Loopback_Decided(string address, bool expected) =>
        Assert.Equal(expected, ImtBot.Security.ListenAddress.IsLoopback(address));
}
