using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace ImtBot.Teams.Testing;

/// <summary>
/// A local fake of every service the adapter calls (OpenID metadata, JWKS, token endpoint, Bot Connector, Graph):
/// refuses what the real services refuse (<see cref="Rules"/>), routes by method and URL, records each request, and
/// lets tests wait for one (a signal, not a sleep).
/// </summary>
public sealed class FakeHttp
{
    private readonly List<(Func<RecordedRequest, bool> Match, Func<RecordedRequest, HttpResponseMessage> Respond)> routes = [];
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly List<(Func<RecordedRequest, bool> Match, TaskCompletionSource<RecordedRequest> Signal)> waiters = [];
    private readonly Lock gate = new();

    public IReadOnlyList<RecordedRequest> Requests => requests.ToArray();

    /// <summary>How many requests have arrived so far (cheaper than <see cref="Requests"/>.Count, to watch for progress).</summary>
    public int RequestCount => requests.Count;

    /// <summary>What the real services refuse, checked before any route (a test can revoke a Graph permission here).</summary>
    public TeamsServiceRules Rules { get; } = new();

    /// <summary>Adds a route; later routes win, so a test can override a default.</summary>
    public FakeHttp On(HttpMethod method, string urlContains, Func<RecordedRequest, HttpResponseMessage> respond)
    {
        lock (gate)
        {
            routes.Insert(0, (r => r.Method == method && r.Url.Contains(urlContains, StringComparison.Ordinal), respond));
        }

        return this;
    }

    public FakeHttp On(HttpMethod method, string urlContains, HttpStatusCode status, string json, TimeSpan? retryAfter = null) =>
        On(method, urlContains, _ => Json(status, json, retryAfter));

    public static HttpResponseMessage Json(HttpStatusCode status, string json, TimeSpan? retryAfter = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (retryAfter is { } wait)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(wait);
        }

        return response;
    }

    public int Count(HttpMethod method, string urlContains) =>
        Requests.Count(r => r.Method == method && r.Url.Contains(urlContains, StringComparison.Ordinal));

    public Task<RecordedRequest> WaitForAsync(Func<RecordedRequest, bool> match)
    {
        lock (gate)
        {
            var seen = requests.FirstOrDefault(match);
            if (seen is not null)
            {
                return Task.FromResult(seen);
            }

            var tcs = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((match, tcs));
            return tcs.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    public HttpMessageHandler Handler() => new Forwarder(this);

    internal async Task<HttpResponseMessage> HandleAsync(HttpRequestMessage request)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync();
        var recorded = new RecordedRequest(request.Method, request.RequestUri!.AbsoluteUri, request.RequestUri.OriginalString, body, request.Headers.Authorization?.ToString())
        {
            At = Rules.Time.GetUtcNow(),
        };
        Func<RecordedRequest, HttpResponseMessage>? respond;
        lock (gate)
        {
            requests.Enqueue(recorded);
            foreach (var w in waiters.Where(w => w.Match(recorded)).ToList())
            {
                waiters.Remove(w);
                w.Signal.TrySetResult(recorded);
            }

            respond = routes.FirstOrDefault(r => r.Match(recorded)).Respond;
        }

        var refused = Rules.Check(recorded);
        var response = refused ?? respond?.Invoke(recorded) ?? Json(HttpStatusCode.NotFound, """{"error":{"code":"NotFound","message":"no fake route"}}""");
        response.RequestMessage = request;
        recorded.Status = response.StatusCode;
        recorded.ResponseBody = await response.Content.ReadAsStringAsync();
        if (refused is null)
        {
            Rules.Observe(recorded, response.StatusCode);
        }
        return response;
    }

    private sealed class Forwarder(FakeHttp fake) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => fake.HandleAsync(request);
    }
}
