using System.Collections.Concurrent;
using System.Net;
using ImtBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ImtBot.Tests.Alerts;

/// <summary>A refused token is logged — with the integration, never with the token that was sent or the one expected.</summary>
public class AlertTokenLogTests
{
    [Fact]
    public async Task WrongToken_IsLoggedWithoutAnyToken()
    {
        var lines = new ConcurrentQueue<string>();
        await using var host = await TestHost.StartAsync(
            builder => builder.Logging.AddProvider(new CapturingProvider(lines)),
            settings: AlertHost.Settings);
        const string sent = "guessed-token-abcdefghijklmnop";

        var response = await host.PostAsync("/api/alerts/am", AlertHost.Fixture("alertmanager-v4.json"), sent);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var refused = Assert.Single(lines, l => l.Contains("refused", StringComparison.Ordinal));
        Assert.Contains("am", refused);
        Assert.DoesNotContain(lines, l => l.Contains(sent, StringComparison.Ordinal) || l.Contains(AlertHost.AlertmanagerToken, StringComparison.Ordinal));
    }

    private sealed class CapturingProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Capturing(lines);

        public void Dispose()
        {
        }

        private sealed class Capturing(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception) + " " + exception);
        }
    }
}
