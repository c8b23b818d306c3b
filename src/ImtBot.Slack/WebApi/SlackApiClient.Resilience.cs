using System.Net;
using Polly;
using Polly.Retry;

namespace ImtBot.Slack.WebApi;

public sealed partial class SlackApiClient
{
    private ResiliencePipeline<HttpResponseMessage> BuildPipeline() =>
        new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(500),
                MaxDelay = TimeSpan.FromSeconds(30),
                ShouldHandle = args => ValueTask.FromResult(options.MaxRetries > 0 && ShouldRetry(args.Context.Properties.GetValue(MethodKey, SlackMethods.AuthTest), args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } r ? RetryAfter(r) ?? TimeSpan.FromSeconds(1) : (TimeSpan?)null),
                OnRetry = args =>
                {
                    var method = args.Context.Properties.GetValue(MethodKey, SlackMethods.AuthTest);
                    if (args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests })
                    {
                        gate.Pause(args.Context.Properties.GetValue(PartitionKey, method.Name), time.GetUtcNow() + args.RetryDelay);
                    }

                    LogRetry(logger, method.Name, args.AttemptNumber + 1, args.RetryDelay.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

    private static bool ShouldRetry(SlackMethod method, Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result.StatusCode: HttpStatusCode.TooManyRequests } => true,
        { Result: { } r } => method.Idempotent && (int)r.StatusCode >= 500,
        { Exception: { } e } when IsConnectFailure(e) => true,
        { Exception: HttpRequestException or IOException or TaskCanceledException } => method.Idempotent,
        _ => false,
    };

    /// <summary>The request never left: the connection could not be made, so any method may be retried.</summary>
    private static bool IsConnectFailure(Exception e) =>
        e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError };

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
