using ImtBot.Core.Ports;
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
/// With several instances on one database only the holder of the <see cref="Role"/> role connects; when it loses the
/// role (it died, or cannot reach the database) another instance takes it over and connects — envelopes Slack
/// redelivers meanwhile are recognised by the inbox.
/// </summary>
public sealed partial class SlackSocketModeService(SlackWebApi api, SlackInbound inbound, TimeProvider time, ILogger<SlackSocketModeService> logger, ILeaderElection? leaders = null) : BackgroundService
{
    /// <summary>The leader role of the instance that holds the Socket Mode connection.</summary>
    public const string Role = "slack-socket-mode";

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

    /// <summary>Whether this instance holds the Socket Mode role now (always, without a leader election).</summary>
    public bool Leading { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (leaders is null)
        {
            Leading = true;
            await ConnectAndServeAsync(stoppingToken).ConfigureAwait(false);
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await using var leadership = await leaders.AcquireAsync(Role, stoppingToken).ConfigureAwait(false);
                using var term = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, leadership.Lost);
                Leading = true;
                LogLeading(logger, leadership.Term);
                var stopped = await ConnectAndServeAsync(term.Token).ConfigureAwait(false);
                Leading = false;
                if (stopped)
                {
                    return; // fatal or link_disabled: logged; another instance would fail alike
                }

                if (!stoppingToken.IsCancellationRequested)
                {
                    LogLostLeadership(logger, leadership.Term);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Serves Socket Mode until cancelled; true when it stopped for good (fatal answer or link_disabled).</summary>
    private async Task<bool> ConnectAndServeAsync(CancellationToken stoppingToken)
    {
        SocketModeConnection? current = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                current ??= await ConnectWithBackoffAsync(stoppingToken).ConfigureAwait(false);
                if (current is null)
                {
                    return true; // fatal: logged
                }

                var reason = await current.Ended.WaitAsync(stoppingToken).ConfigureAwait(false);
                switch (reason)
                {
                    case "link_disabled":
                        LogLinkDisabled(logger);
                        await CloseAsync(current).ConfigureAwait(false);
                        current = null;
                        return true;
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

        return false;
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode: this instance holds the connection (term {Term})")]
    private static partial void LogLeading(ILogger logger, long term);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode: this instance lost the connection role (term {Term}); another instance takes it over")]
    private static partial void LogLostLeadership(ILogger logger, long term);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Slack Socket Mode was turned off for this app (link_disabled): ImtBot stops listening to Slack. Turn Socket Mode on in the app settings, or remove Slack:AppToken and use request URLs, then restart.")]
    private static partial void LogLinkDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Slack Socket Mode cannot start: apps.connections.open answered {Error}. Check Slack:AppToken (an xapp- token with connections:write); not retrying.")]
    private static partial void LogFatal(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode connect failed ({Failures} in a row); retrying in {Seconds} s")]
    private static partial void LogConnectFailed(ILogger logger, int failures, double seconds, Exception exception);
}
