using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ImtBot.Tests.Dispatch.Chaos;

/// <summary>The built ImtBot executable as a child process on a loopback port it picks itself, killed with SIGKILL.</summary>
internal sealed partial class ChildBot : IDisposable
{
    private readonly Process _process;

    private ChildBot(Process process, Uri address)
    {
        _process = process;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(90) };
    }

    public HttpClient Http { get; }

    /// <summary>The process id: what an instance's lease owner names in the database (<c>host:pid:…</c>).</summary>
    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the process wrote (stdout and stderr), for a failing test's message.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 400 && _output.TryDequeue(out _))
        {
        }
    }

    /// <param name="onLine">Also given every line the process writes (a run's log across restarts).</param>
    public static async Task<ChildBot> StartAsync(string directory, IEnumerable<string> settings, Action<string>? onLine = null)
    {
        var info = Dotnet(directory, ["--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information", .. settings]);
        var process = Process.Start(info)!;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var lines = new List<string>();
        ChildBot? started = null;
        void Received(string? line)
        {
            if (line is not null)
            {
                onLine?.Invoke(line);
            }

            lock (lines)
            {
                if (started is null)
                {
                    lines.Add(line ?? "");
                }
                else
                {
                    started.Keep(line);
                }
            }
        }

        process.OutputDataReceived += (_, e) =>
        {
            Received(e.Data);
            if (e.Data is { } line && Listening().Match(line) is { Success: true } m)
            {
                listening.TrySetResult(new Uri(m.Groups[1].Value));
            }
        };
        process.ErrorDataReceived += (_, e) => Received(e.Data);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("ImtBot exited before listening (exit code " + process.ExitCode + ")"));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // A guard, not a measurement: start-up on a loaded machine can take a while.
        var bot = new ChildBot(process, await listening.Task.WaitAsync(TimeSpan.FromMinutes(5)));
        lock (lines)
        {
            foreach (var line in lines)
            {
                bot.Keep(line);
            }

            started = bot;
        }

        return bot;
    }

    /// <summary>kill -9: no shutdown, no flush, leases left as they were.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    public void Dispose()
    {
        Http.Dispose();
        Kill();
        _process.Dispose();
    }

    private static ProcessStartInfo Dotnet(string directory, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ImtBot.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();
}
