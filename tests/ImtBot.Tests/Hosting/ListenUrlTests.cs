using System.Text.Json.Nodes;
using ImtBot.Hosting;
using ImtBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace ImtBot.Tests.Hosting;

/// <summary>Where the host listens: 5080 unless <c>--urls</c> / <c>ASPNETCORE_URLS</c> / <c>Urls</c> says otherwise.</summary>
public class ListenUrlTests
{
    private static string TempDatabase() => Path.Combine(Path.GetTempPath(), "imtbot-tests", Guid.NewGuid().ToString("N"), "imtbot.db");

    [Fact]
    public async Task Build_NoUrlSetting_ListensOn5080()
    {
        await using var app = ImtBotApp.Build(["--environment=Test", $"--Storage:Path={TempDatabase()}"]);

        Assert.Equal("http://localhost:5080", app.Configuration[WebHostDefaults.ServerUrlsKey]);
    }

    [Fact]
    public async Task Start_UrlsGiven_ListensThereNotOn5080()
    {
        await using var host = await TestHost.StartAsync();

        Assert.Equal("127.0.0.1", host.BaseAddress.Host);
        Assert.NotEqual(5080, host.BaseAddress.Port);
        (await host.Http.GetAsync(new Uri("/healthz", UriKind.Relative))).EnsureSuccessStatusCode();
    }

    [Fact]
    public void LaunchSettings_SetNoUrl_SoAspNetCoreUrlsIsHonouredByDotnetRun()
    {
        // `dotnet run` exports a profile's applicationUrl as ASPNETCORE_URLS, overriding the one the user set.
        var path = Path.Combine(RepositoryRoot.Path, "src", "ImtBot", "Properties", "launchSettings.json");
        var profiles = JsonNode.Parse(File.ReadAllText(path))!["profiles"]!.AsObject();

        Assert.All(profiles, p =>
        {
            Assert.Null(p.Value!["applicationUrl"]);
            Assert.Null(p.Value!["environmentVariables"]?["ASPNETCORE_URLS"]);
        });
    }
}
