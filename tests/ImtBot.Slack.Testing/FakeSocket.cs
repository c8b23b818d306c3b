using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace ImtBot.Slack.Testing;

/// <summary>The server end of one Socket Mode connection: send envelopes and disconnects, read the client's acks.</summary>
public sealed class FakeSocket(WebSocket socket, string ticket)
{
    private readonly Channel<string> received = Channel.CreateUnbounded<string>();
    private readonly TaskCompletionSource closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim sendLock = new(1, 1);

    public string Ticket { get; } = ticket;

    /// <summary>Completes when the client closed this socket (or it broke).</summary>
    public Task Closed => closed.Task;

    public bool IsClosed => closed.Task.IsCompleted;

    public async Task RunAsync()
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    }

                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    received.Writer.TryWrite(Encoding.UTF8.GetString(message.ToArray()));
                    message.SetLength(0);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException)
        {
        }
        finally
        {
            closed.TrySetResult();
        }
    }

    public Task SendAsync(string text) => SendFragmentsAsync(text, 1);

    /// <summary>Sends <paramref name="text"/> as <paramref name="parts"/> continuation frames (the client must reassemble them).</summary>
    public async Task SendFragmentsAsync(string text, int parts)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var size = (bytes.Length + parts - 1) / parts;
        await sendLock.WaitAsync();
        try
        {
            for (var offset = 0; offset < bytes.Length; offset += size)
            {
                var count = Math.Min(size, bytes.Length - offset);
                await socket.SendAsync(bytes.AsMemory(offset, count), WebSocketMessageType.Text, offset + count >= bytes.Length, CancellationToken.None);
            }
        }
        finally
        {
            sendLock.Release();
        }
    }

    /// <summary>Drops the connection without a close handshake (a network failure).</summary>
    public void Abort() => socket.Abort();

    /// <summary>A frame the client sent that has not been read yet, if any (the acks that came before a socket closed).</summary>
    public bool TryReceive(out string text) => received.Reader.TryRead(out text!);

    /// <summary>The next frame the client sent (an ack); a 20 s hang guard fails the test.</summary>
    public async Task<string> ReceiveAsync()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await received.Reader.ReadAsync(guard.Token);
    }
}
