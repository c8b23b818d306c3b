using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ImtBot.Tests.Dispatch;

/// <summary>
/// docs/reliability.md §Fault injection with a real process: the bot acknowledges a declaration, is killed (SIGKILL) before its outbox runs,
/// and a new process on the same database finishes the work exactly once: one channel, one pinned card, one announcement.
/// </summary>
public partial class CrashTests
{
    [Fact]
    public async Task KilledAfterAcknowledging_RestartRunsTheOutboxOnce()
    {
        var dir = Path.Combine(Path.GetTempPath(), "imtbot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var db = Path.Combine(dir, "imtbot.db");

        using (var first = await BotProcess.StartAsync(dir, db, dispatcher: false))
        {
            var reply = await first.PostAsync("/api/console/messages", new { user = "alice", channel = "general", text = "/incident declare Cache stampede sev2" });
            Assert.True((bool)reply["replies"]![0]!["accepted"]!);
            first.Kill();
        }

        using var second = await BotProcess.StartAsync(dir, db, dispatcher: true);
        var channel = await second.WaitForAsync(async http =>
        {
            var channels = (await http.GetFromJsonAsync<JsonArray>("/api/console/channels?user=alice"))!;
            return channels.FirstOrDefault(c => (int?)c!["incident"] == 1) is { } c ? (string)c["id"]! : null;
        });
        var pinned = await second.WaitForAsync(async http =>
            (await http.GetFromJsonAsync<JsonArray>($"/api/console/channels/{channel}/messages?user=alice"))!.Count(m => (bool)m!["pinned"]!) is > 0 and var n ? n : (int?)null);
        var announced = await second.WaitForAsync(async http =>
            (await http.GetFromJsonAsync<JsonArray>("/api/console/channels/announcements/messages?user=alice"))!.Count(m => ((string)m!["text"]!).Contains("INC-1")) is > 0 and var n ? n : (int?)null);

        Assert.Equal(1, pinned);
        Assert.Equal(1, announced);
        Assert.Single((await second.Http.GetFromJsonAsync<JsonArray>("/api/incidents"))!);
        Assert.True((bool)(await second.Http.GetFromJsonAsync<JsonObject>("/api/incidents/1/audit"))!["valid"]!);
    }

    /// <summary>The built ImtBot executable as a child process on a loopback port it picks itself.</summary>
    private sealed partial class BotProcess : IDisposable
    {
        private readonly Process _process;

        private BotProcess(Process process, Uri address)
        {
            _process = process;
            Http = new HttpClient { BaseAddress = address };
        }

        public HttpClient Http { get; }

        public static async Task<BotProcess> StartAsync(string workingDirectory, string database, bool dispatcher)
        {
            var info = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var arg in new[]
            {
                Path.Combine(AppContext.BaseDirectory, "ImtBot.dll"), "--urls=http://127.0.0.1:0", $"--Storage:Path={database}",
                "--Console:Enabled=true", $"--Dispatcher:Enabled={dispatcher}", "--Logging:LogLevel:Default=Information",
            })
            {
                info.ArgumentList.Add(arg);
            }

            var process = Process.Start(info)!;
            var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is { } line && Listening().Match(line) is { Success: true } m)
                {
                    listening.TrySetResult(new Uri(m.Groups[1].Value));
                }
            };
            process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("ImtBot exited before listening: " + process.StandardError.ReadToEnd()));
            process.EnableRaisingEvents = true;
            process.BeginOutputReadLine();

            // A guard, not a measurement: start-up on a loaded CI machine can take a while.
            return new BotProcess(process, await listening.Task.WaitAsync(TimeSpan.FromMinutes(2)));
        }

        public async Task<JsonObject> PostAsync(string path, object body)
        {
            var response = await Http.PostAsJsonAsync(path, body);
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        }

        /// <summary>Polls until the probe answers (the background dispatcher runs on real time here), with a guard.</summary>
        public async Task<T> WaitForAsync<T>(Func<HttpClient, Task<T?>> probe)
        {
            using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
            while (await tick.WaitForNextTickAsync(guard.Token))
            {
                if (await probe(Http) is { } value)
                {
                    return value;
                }
            }

            throw new TimeoutException();
        }

        public void Kill()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        public void Dispose()
        {
            Http.Dispose();
            if (!_process.HasExited)
            {
                Kill();
            }

            _process.Dispose();
        }

        [GeneratedRegex(@"Now listening on: (http://\S+)")]
        private static partial Regex Listening();
    }
}
