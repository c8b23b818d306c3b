using ImtBot.Slack.Inbound;
using ImtBot.Slack.WebApi;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ImtBot.Slack.SocketMode;

/// <summary>
/// Keeps one Socket Mode connection open (used when <c>Slack:AppToken</c> is set): <c>apps.connections.open</c> for
/// every (re)connect; on <c>warning</c>/<c>refresh_requested</c> the replacement is opened before the old socket is
/// closed (envelopes arriving on both are deduplicated by the inbox); <c>too_many_websockets</c> closes first;
/// <c>link_disabled</c> stops with a clear log line; drops reconnect with exponential backoff on the injected clock.
/// </summary>
public sealed partial class SlackSocketModeService(SlackWebApi api, SlackInbound inbound, TimeProvider time, ILogger<SlackSocketModeService> logger) : BackgroundService
{
    public static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(30);

    private static readonly HashSet<string> Fatal = new(StringComparer.Ordinal)
    {
        "invalid_auth", "not_authed", "account_inactive", "token_revoked", "team_disabled", "missing_args", "forbidden_team", "not_allowed_token_type",
    };

    private int nextId;
    private int failures;

    /// <summary>How many sockets are open right now (1, or 2 during a refresh overlap).</summary>
    public int OpenConnections { get; private set; }

    /// <summary>The back-off before reconnect attempt <paramref name="failures"/>: 1 s, 2 s, 4 s… at most 60 s.</summary>
    public static TimeSpan Backoff(int failures) => TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, Math.Clamp(failures - 1, 0, 6))));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        SocketModeConnection? current = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                current ??= await ConnectWithBackoffAsync(stoppingToken).ConfigureAwait(false);
                if (current is null)
                {
                    return; // fatal: logged
                }

                var reason = await current.Ended.WaitAsync(stoppingToken).ConfigureAwait(false);
                switch (reason)
                {
                    case "link_disabled":
                        LogLinkDisabled(logger);
                        await CloseAsync(current).ConfigureAwait(false);
                        current = null;
                        return;
                    case "warning" or "refresh_requested":
                        var next = await ConnectWithBackoffAsync(stoppingToken).ConfigureAwait(false);
                        await CloseAsync(current).ConfigureAwait(false); // only now: the replacement is already taking envelopes
                        current = next;
                        break;
                    default:
                        await CloseAsync(current).ConfigureAwait(false);
                        current = null;
                        if (reason != "too_many_websockets")
                        {
                            failures++;
                            await Task.Delay(Backoff(failures), time, stoppingToken).ConfigureAwait(false);
                        }

                        break;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            if (current is not null)
            {
                await CloseAsync(current).ConfigureAwait(false);
            }
        }
    }

    private async Task<SocketModeConnection?> ConnectWithBackoffAsync(CancellationToken ct)
    {
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var connection = new SocketModeConnection(inbound, time, logger, Interlocked.Increment(ref nextId));
            try
            {
                var url = await api.OpenConnectionAsync(ct).ConfigureAwait(false);
                await connection.ConnectAsync(url, HelloTimeout, ct).ConfigureAwait(false);
                OpenConnections++;
                failures = 0;
                return connection;
            }
            catch (SlackApiException e) when (Fatal.Contains(e.Error))
            {
                LogFatal(logger, e.Error);
                await connection.DisposeAsync().ConfigureAwait(false);
                return null;
            }
            catch (Exception e) when (!ct.IsCancellationRequested && e is not OutOfMemoryException)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                failures++;
                var wait = e is SlackApiException { RetryAfter: { } retryAfter } ? retryAfter : Backoff(failures);
                LogConnectFailed(logger, failures, wait.TotalSeconds, e);
                await Task.Delay(wait, time, ct).ConfigureAwait(false);
            }
        }
    }

    private async Task CloseAsync(SocketModeConnection connection)
    {
        await connection.DisposeAsync().ConfigureAwait(false);
        OpenConnections--;
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Slack Socket Mode was turned off for this app (link_disabled): ImtBot stops listening to Slack. Turn Socket Mode on in the app settings, or remove Slack:AppToken and use request URLs, then restart.")]
    private static partial void LogLinkDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Slack Socket Mode cannot start: apps.connections.open answered {Error}. Check Slack:AppToken (an xapp- token with connections:write); not retrying.")]
    private static partial void LogFatal(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode connect failed ({Failures} in a row); retrying in {Seconds} s")]
    private static partial void LogConnectFailed(ILogger logger, int failures, double seconds, Exception exception);
}
