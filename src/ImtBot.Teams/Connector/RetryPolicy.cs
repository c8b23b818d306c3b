using System.Net;
using Polly;

namespace ImtBot.Teams.Connector;

/// <summary>Which Connector/Graph failures the HTTP pipeline retries in place (protocols/teams.md §3.4, RELIABILITY §4.5).</summary>
internal static class RetryPolicy
{
    public static readonly TimeSpan MaxInlineDelay = TimeSpan.FromSeconds(20);

    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpMethod? method)
    {
        var idempotent = method == HttpMethod.Get || method == HttpMethod.Put || method == HttpMethod.Delete;
        if (outcome.Exception is not null)
        {
            return idempotent && outcome.Exception is HttpRequestException or TimeoutException;
        }

        var response = outcome.Result!;
        if (response.Headers.RetryAfter?.Delta is { } wait && wait > MaxInlineDelay)
        {
            return false;
        }

        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed => true,
            HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout => idempotent,
            _ => false,
        };
    }
}
