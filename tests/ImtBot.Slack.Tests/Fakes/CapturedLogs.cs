using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ImtBot.Slack.Tests.Fakes;

/// <summary>Keeps every formatted log line (and exception text) so tests can look for secrets and expected lines.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string All => string.Join("\n", Lines);

    /// <summary>Waits until a line containing <paramref name="text"/> is logged (a 20 s hang guard fails the test).</summary>
    public async Task WaitForAsync(string text)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var signal = changed.Task;
            if (Lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
            {
                return;
            }

            await signal.WaitAsync(guard.Token);
        }
    }

    private void Add(string line)
    {
        Lines.Enqueue(line);
        Interlocked.Exchange(ref changed, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
