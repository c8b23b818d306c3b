using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using ImtBot.Slack.Inbound;
using ImtBot.Slack.Payloads;
using Microsoft.Extensions.Logging;

namespace ImtBot.Slack.SocketMode;

/// <summary>
/// One Socket Mode WebSocket: waits for <c>hello</c>, reassembles fragmented frames, hands each envelope to
/// <see cref="SlackInbound"/> and acks it (with a payload where Slack accepts one) only after the command is committed,
/// one sender at a time. <see cref="Ended"/> completes with the <c>disconnect</c> reason, or <c>closed</c>.
/// </summary>
public sealed partial class SocketModeConnection : IAsyncDisposable
{
    private const int MaxMessage = 8 * 1024 * 1024;

    private readonly ClientWebSocket socket = new();
    private readonly SemaphoreSlim sendLock = new(1, 1);
    private readonly TaskCompletionSource hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource stop = new();
    private readonly List<Task> inFlight = [];
    private readonly SlackInbound inbound;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private Task receiving = Task.CompletedTask;

    public SocketModeConnection(SlackInbound inbound, TimeProvider time, ILogger logger, int id)
    {
        this.inbound = inbound;
        this.time = time;
        this.logger = logger;
        Id = id;
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(10);
        socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(30);
    }

    public int Id { get; }

    /// <summary>The reason this socket is going away: <c>warning</c>, <c>refresh_requested</c>, <c>link_disabled</c>, <c>too_many_websockets</c>, <c>closed</c>.</summary>
    public Task<string> Ended => ended.Task;

    /// <summary>Connects and waits for <c>hello</c> (at most <paramref name="helloTimeout"/> on the injected clock).</summary>
    public async Task ConnectAsync(Uri url, TimeSpan helloTimeout, CancellationToken cancellationToken)
    {
        await socket.ConnectAsync(url, cancellationToken).ConfigureAwait(false);
        receiving = Task.Run(ReceiveLoopAsync, CancellationToken.None);
        var timeout = Task.Delay(helloTimeout, time, cancellationToken);
        await Task.WhenAny(hello.Task, ended.Task, timeout).ConfigureAwait(false);
        if (!hello.Task.IsCompleted)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new WebSocketException("Socket Mode connection ended before hello");
        }

        LogConnected(logger, Id);
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var message = new ArrayBufferWriter<byte>();
        try
        {
            while (!stop.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, stop.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                if (message.WrittenCount + result.Count > MaxMessage)
                {
                    throw new WebSocketException("Socket Mode message over 8 MB");
                }

                message.Write(buffer.AsSpan(0, result.Count));
                if (result.EndOfMessage)
                {
                    try
                    {
                        OnMessage(message.WrittenSpan);
                    }
                    catch (SlackPayloadException e)
                    {
                        LogBadFrame(logger, Id, e); // one bad frame does not cost the connection
                    }

                    message.ResetWrittenCount();
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            if (!stop.IsCancellationRequested)
            {
                LogReceiveFailed(logger, Id, e.GetType().Name);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ended.TrySetResult("closed");
        }
    }

    private void OnMessage(ReadOnlySpan<byte> bytes)
    {
        // Every frame reads as an envelope (hello and disconnect simply have no envelope_id): one pass for the common case.
        var envelope = SlackJson.Read<SocketModeEnvelope>(bytes, "Socket Mode frame");
        switch (envelope.Type)
        {
            case SocketModeHello.Type:
                hello.TrySetResult();
                return;
            case SocketModeDisconnect.Type:
                var reason = SlackJson.Read<SocketModeDisconnect>(bytes, "disconnect frame").Reason ?? "unknown";
                LogDisconnect(logger, Id, reason);
                ended.TrySetResult(reason);
                return;
        }

        if (envelope.EnvelopeId is { } envelopeId)
        {
            lock (inFlight)
            {
                inFlight.RemoveAll(t => t.IsCompleted);
                inFlight.Add(Task.Run(() => ProcessAsync(envelopeId, envelope)));
            }
        }
    }

    /// <summary>
    /// Hands the envelope over and acks it once the command is committed. A payload that does not read as Slack's is
    /// acked anyway (a redelivery would not read either: the Socket Mode form of a 400); any other fault is not acked,
    /// so Slack delivers it again.
    /// </summary>
    private async Task ProcessAsync(string envelopeId, SocketModeEnvelope envelope)
    {
        try
        {
            SlackAck ack;
            try
            {
                ack = await DispatchAsync(envelope).ConfigureAwait(false);
            }
            catch (SlackPayloadException e)
            {
                LogMalformed(logger, Id, envelope.Type ?? "", e);
                ack = SlackAck.Empty;
            }

            var frame = new JsonObject { ["envelope_id"] = envelopeId };
            if (ack.Body is not null && envelope.AcceptsResponsePayload)
            {
                frame["payload"] = ack.Body.DeepClone();
            }

            await SendAsync(frame.ToJsonString(), stop.Token).ConfigureAwait(false);
            if (ack.After is { } after)
            {
                await after(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogEnvelopeFailed(logger, Id, envelope.Type ?? "", e); // not acked: Slack redelivers
        }
    }

    private async Task<SlackAck> DispatchAsync(SocketModeEnvelope envelope)
    {
        if (envelope.Payload is not { } payload)
        {
            return envelope.Type is SocketModeEnvelope.EventsApi or SocketModeEnvelope.Interactive or SocketModeEnvelope.SlashCommands
                ? throw new SlackPayloadException($"The {envelope.Type} envelope has no payload.")
                : SlackAck.Empty;
        }

        return envelope.Type switch
        {
            SocketModeEnvelope.EventsApi => await inbound.EventAsync(SlackJson.Read<EventEnvelope>(payload, "events_api payload"), stop.Token).ConfigureAwait(false),
            SocketModeEnvelope.SlashCommands => await inbound.CommandAsync(SlackJson.Read<SlashCommandPayload>(payload, "slash_commands payload"), stop.Token).ConfigureAwait(false),
            SocketModeEnvelope.Interactive => await inbound.InteractionAsync(payload, stop.Token).ConfigureAwait(false),
            _ => SlackAck.Empty,
        };
    }

    /// <summary>Sends one text frame; frames never interleave.</summary>
    public async Task SendAsync(string text, CancellationToken cancellationToken)
    {
        await sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            sendLock.Release();
        }
    }

    /// <summary>Lets envelopes in progress finish and ack (bounded), then closes the socket.</summary>
    public async ValueTask DisposeAsync()
    {
        Task[] pending;
        lock (inFlight)
        {
            pending = [.. inFlight];
        }

        await Task.WhenAny(Task.WhenAll(pending), Task.Delay(TimeSpan.FromSeconds(10), time)).ConfigureAwait(false);
        if (socket.State == WebSocketState.Open)
        {
            try
            {
                using var closeTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5), time);
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "refresh", closeTimeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
            {
                LogReceiveFailed(logger, Id, e.GetType().Name);
            }
        }

        await stop.CancelAsync().ConfigureAwait(false);
        await receiving.ConfigureAwait(false);
        socket.Dispose();
        stop.Dispose();
        sendLock.Dispose();
        LogClosed(logger, Id);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode connection {Id} ready (hello)")]
    private static partial void LogConnected(ILogger logger, int id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode connection {Id}: a frame that is not JSON was skipped")]
    private static partial void LogBadFrame(ILogger logger, int id, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode connection {Id}: {Type} envelope acked without handling: its payload does not read as Slack's")]
    private static partial void LogMalformed(ILogger logger, int id, string type, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode connection {Id} closed")]
    private static partial void LogClosed(ILogger logger, int id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode connection {Id}: disconnect {Reason}")]
    private static partial void LogDisconnect(ILogger logger, int id, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode connection {Id} receive ended: {Kind}")]
    private static partial void LogReceiveFailed(ILogger logger, int id, string kind);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack Socket Mode connection {Id}: {Type} envelope not acked; Slack will redeliver")]
    private static partial void LogEnvelopeFailed(ILogger logger, int id, string type, Exception exception);
}
