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
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Http { get; }

    public static async Task<ChildBot> StartAsync(string directory, IEnumerable<string> settings)
    {
        var info = Dotnet(directory, ["--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information", .. settings]);
        var process = Process.Start(info)!;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && Listening().Match(line) is { Success: true } m)
            {
                listening.TrySetResult(new Uri(m.Groups[1].Value));
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("ImtBot exited before listening (exit code " + process.ExitCode + ")"));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // A guard, not a measurement: start-up on a loaded machine can take a while.
        return new ChildBot(process, await listening.Task.WaitAsync(TimeSpan.FromMinutes(5)));
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
