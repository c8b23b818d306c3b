using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ImtBot.Security;

/// <summary>Per-source request limits (ASP.NET Core rate limiting): 429 with <c>Retry-After</c> beyond them.</summary>
public static class RateLimits
{
    /// <summary>The Slack, Teams and alert webhooks.</summary>
    public const string Webhooks = "webhooks";

    /// <summary>The console's actions.</summary>
    public const string Console = "console";

    public static void Add(RateLimiterOptions options, RateLimitOptions limits)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = (context, _) =>
        {
            context.HttpContext.Response.Headers.RetryAfter = "60";
            return ValueTask.CompletedTask;
        };
        options.AddPolicy(Webhooks, http => PerSource(http, limits.WebhooksPerMinute));
        options.AddPolicy(Console, http => PerSource(http, limits.ConsolePerMinute));
    }

    private static RateLimitPartition<string> PerSource(HttpContext http, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    internal static void Configure(RateLimiterOptions options, IOptions<RateLimitOptions> limits) => Add(options, limits.Value);
}
