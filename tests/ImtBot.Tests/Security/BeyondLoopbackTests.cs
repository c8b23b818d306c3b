using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using ImtBot.Security;
using ImtBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ImtBot.Tests.Security;

/// <summary>
/// Beyond loopback with no <c>Auth</c>, the web surface is off whichever way the address was configured, judged from
/// where the real Kestrel actually listens; the log says how to turn it on. Chat webhooks and health stay up.
/// </summary>
public partial class BeyondLoopbackTests
{
    private static readonly string[] WebSurface = ["/", "/app.js", "/api/console/users", "/api/console/channels?user=alice", "/api/incidents", "/api/incidents/1"];

    [Theory]
    [InlineData("urls=http://0.0.0.0:0")]
    [InlineData("Kestrel:Endpoints:Http:Url=http://0.0.0.0:0")]
    [InlineData("Kestrel:Endpoints:Http:Url=http://[::]:0")]
    public async Task Start_BoundBeyondLoopbackWithoutAuth_WebSurfaceOffAndLogSaysHow(string setting)
    {
        var log = new CapturedLog();
        await using var host = await TestHost.StartAsync(b => b.Logging.AddProvider(log), settings: [setting]);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{host.BaseAddress.Port}") };

        Assert.Equal(WebSurfaceMode.Off, host.Services.GetRequiredService<WebSurface>().Mode);
        await AssertOffAsync(http);
        Assert.Contains(log.Lines, l => l.Contains("web surface") && l.Contains("is off") && l.Contains("Auth:Oidc:Authority"));
    }

    [Fact]
    public async Task Start_BoundToNonLoopbackInterface_WebSurfaceOff()
    {
        // The machine's own non-loopback address when it has one; the wildcard otherwise (still beyond loopback).
        var ip = NetworkInterface.GetAllNetworkInterfaces().Where(n => n.OperationalStatus == OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a)) ?? IPAddress.Any;
        await using var host = await TestHost.StartAsync(settings: [$"urls=http://{ip}:0"]);
        using var http = new HttpClient { BaseAddress = new Uri($"http://{(ip.Equals(IPAddress.Any) ? IPAddress.Loopback : ip)}:{host.BaseAddress.Port}") };

        await AssertOffAsync(http);
    }

    [Fact]
    public async Task Start_Loopback_WebSurfaceOnWithoutSignIn()
    {
        await using var host = await TestHost.StartAsync();

        Assert.Equal(WebSurfaceMode.LocalDemo, host.Services.GetRequiredService<WebSurface>().Mode);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/api/incidents")).StatusCode);
        Assert.True((await host.SayAsync("alice", "general", "/incident declare Loopback demo sev3")).Accepted);
    }

    [Fact]
    public async Task Process_AspNetCoreUrlsBeyondLoopback_WebSurfaceOff()
    {
        var dir = Path.Combine(Path.GetTempPath(), "imtbot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ImtBot.dll"));
        info.ArgumentList.Add($"--Storage:Path={Path.Combine(dir, "imtbot.db")}");
        info.Environment["ASPNETCORE_URLS"] = "http://0.0.0.0:0";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        using var process = Process.Start(info)!;
        var lines = new List<string>();
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not { } line)
            {
                return;
            }

            lock (lines)
            {
                lines.Add(line);
            }

            if (Listening().Match(line) is { Success: true } m)
            {
                listening.TrySetResult(int.Parse(m.Groups[1].Value));
            }
        };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("ImtBot exited before listening: " + process.StandardError.ReadToEnd()));
        process.BeginOutputReadLine();
        try
        {
            // A guard, not a measurement: start-up on a loaded machine can take a while.
            var port = await listening.Task.WaitAsync(TimeSpan.FromMinutes(2));
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

            await AssertOffAsync(http);
            lock (lines)
            {
                Assert.Contains(lines, l => l.Contains("Auth:Oidc:Authority"));
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task AssertOffAsync(HttpClient http)
    {
        foreach (var path in WebSurface)
        {
            Assert.True(HttpStatusCode.NotFound == (await http.GetAsync(path)).StatusCode, path);
        }

        var declare = await http.PostAsJsonAsync("/api/console/messages", new { user = "alice", channel = "general", text = "/incident declare From the network sev1" });
        Assert.Equal(HttpStatusCode.NotFound, declare.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
    }

    [GeneratedRegex(@"Now listening on: http://[^:]+:(\d+)")]
    private static partial Regex Listening();
}
