using System.Collections.Concurrent;
using ImtBot.Teams.Activities;
using Microsoft.Extensions.DependencyInjection;

namespace ImtBot.Teams.Testing;

/// <summary>
/// Collects the threaded replies the adapter sends after answering a message (they run after the HTTP response), so a
/// test can wait for every one of them — a signal, not a sleep — before counting what the fake Connector received.
/// </summary>
public sealed class ReplyTracker
{
    private readonly ConcurrentQueue<Task> replies = new();

    private ReplyTracker()
    {
    }

    public int Started => replies.Count;

    /// <summary>Starts tracking on the adapter registered in <paramref name="services"/> (Teams must be configured).</summary>
    public static ReplyTracker Attach(IServiceProvider services)
    {
        var tracker = new ReplyTracker();
        services.GetRequiredService<ActivityRouter>().ReplyStarted += tracker.replies.Enqueue;
        return tracker;
    }

    public Task WhenAllAsync() => Task.WhenAll(replies.ToArray()).WaitAsync(TimeSpan.FromSeconds(30));
}
