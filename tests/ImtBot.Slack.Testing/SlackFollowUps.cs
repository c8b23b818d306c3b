using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace ImtBot.Slack.Testing;

/// <summary>
/// The Slack adapter answers a request first and then posts the ephemeral reply (a <c>Response.OnCompleted</c>
/// callback). This outermost middleware registers its own callback first; Kestrel runs the callbacks last-registered
/// first, so when it fires every follow-up of that request has finished. Tests wait on that signal, never on time.
/// </summary>
public sealed class SlackFollowUps : IStartupFilter
{
    private readonly ConcurrentQueue<Task> done = new();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (http, inner) =>
        {
            if (http.Request.Path.StartsWithSegments("/api/slack", StringComparison.Ordinal))
            {
                var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                done.Enqueue(finished.Task);
                http.Response.OnCompleted(() =>
                {
                    finished.TrySetResult();
                    return Task.CompletedTask;
                });
            }

            await inner(http);
        });
        next(app);
    };

    /// <summary>How many requests reached <c>/api/slack</c>.</summary>
    public int Requests => done.Count;

    /// <summary>Waits until every Slack request so far has finished its follow-ups (a 30 s guard fails the test).</summary>
    public Task WhenAllAsync() => Task.WhenAll(done.ToArray()).WaitAsync(TimeSpan.FromSeconds(30));
}
