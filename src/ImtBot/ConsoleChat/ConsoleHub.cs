using System.Threading.Channels;

namespace ImtBot.ConsoleChat;

/// <summary>Fans console changes out to the open pages (server-sent events), each filtered to what its user may see.</summary>
public sealed class ConsoleHub
{
    private readonly Lock _gate = new();
    private readonly List<Subscriber> _subscribers = [];

    public IAsyncEnumerable<ConsoleEvent> SubscribeAsync(string user, CancellationToken cancellationToken)
    {
        var subscriber = new Subscriber(user, Channel.CreateBounded<ConsoleEvent>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest }));
        lock (_gate)
        {
            _subscribers.Add(subscriber);
        }

        cancellationToken.Register(() =>
        {
            lock (_gate)
            {
                _subscribers.Remove(subscriber);
            }

            subscriber.Queue.Writer.TryComplete();
        });
        return subscriber.Queue.Reader.ReadAllAsync(cancellationToken);
    }

    public void Publish(ConsoleEvent e)
    {
        Subscriber[] targets;
        lock (_gate)
        {
            targets = [.. _subscribers];
        }

        foreach (var s in targets.Where(s => e.VisibleTo is null || e.VisibleTo == s.User))
        {
            s.Queue.Writer.TryWrite(e);
        }
    }

    private sealed record Subscriber(string User, Channel<ConsoleEvent> Queue);
}
