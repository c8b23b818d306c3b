using System.Diagnostics;

namespace ImtBot.Storage.Tests.Support;

/// <summary>Starts the ImtBot.Storage.LockProbe helper (built and copied beside the tests) as a real second process.</summary>
public static class Probe
{
    public static Process Start(params string[] args)
    {
        var probe = Path.Combine(AppContext.BaseDirectory, "ImtBot.Storage.LockProbe.dll");
        Assert.True(File.Exists(probe), $"the probe should be built beside the tests: {probe}");
        var host = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(probe);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    public static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var process = Start(args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
