using System.Text.Json;
using ImtBot.Teams.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ImtBot.Teams.Activities;

/// <summary>
/// <c>POST /api/messages</c>: size limit (413), bearer token (401), body (400), endorsement (403) and serviceurl (401),
/// tenant allow-list (403), then the activity is routed. Nothing is processed before authentication succeeds.
/// </summary>
internal sealed class MessagesEndpoint(BotFrameworkAuthenticator auth, ActivityRouter router, IOptions<TeamsOptions> options, ILogger<MessagesEndpoint> log)
{
    public async Task HandleAsync(HttpContext http)
    {
        var max = options.Value.MaxBodyBytes;
        if (http.Request.ContentLength > max)
        {
            await RejectAsync(http, StatusCodes.Status413PayloadTooLarge, "body too large");
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max;
        }

        var token = await auth.ValidateTokenAsync(http.Request.Headers.Authorization.ToString(), http.RequestAborted);
        if (!token.Succeeded)
        {
            await RejectAsync(http, token.FailureStatus, token.Reason ?? "unauthorized");
            return;
        }

        var body = await ReadBodyAsync(http, max);
        if (body is null)
        {
            await RejectAsync(http, StatusCodes.Status413PayloadTooLarge, "body too large");
            return;
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, ActivityJson.Options);
        }
        catch (JsonException)
        {
            activity = null;
        }

        if (activity is null)
        {
            await RejectAsync(http, StatusCodes.Status400BadRequest, "body is not an activity");
            return;
        }

        var check = BotFrameworkAuthenticator.CheckActivity(token, activity.ChannelId, activity.ServiceUrl);
        if (!check.Succeeded)
        {
            await RejectAsync(http, check.FailureStatus, check.Reason ?? "unauthorized");
            return;
        }

        if (activity.TenantId is not { } tenant || !options.Value.Tenants.Contains(tenant))
        {
            await RejectAsync(http, StatusCodes.Status403Forbidden, "tenant is not allowed");
            return;
        }

        if (string.IsNullOrEmpty(activity.Type))
        {
            await RejectAsync(http, StatusCodes.Status400BadRequest, "activity has no type");
            return;
        }

        ActivityResult result;
        try
        {
            result = await router.RouteAsync(activity, http.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Caught once at the edge: Teams retries a 5xx; the body never carries details.
            TeamsLog.ActivityFailed(log, e, activity.Type);
            result = activity.Type == "invoke"
                ? new ActivityResult(200, InvokeResponses.Error(500, "InternalError", "ImtBot could not handle this action; please try again."))
                : new ActivityResult(500);
        }

        http.Response.StatusCode = result.Status;
        if (result.Body is not null)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.WriteAsync(result.Body.ToJsonString(ActivityJson.Options), http.RequestAborted);
        }
    }

    private Task RejectAsync(HttpContext http, int status, string reason)
    {
        TeamsLog.Rejected(log, status, reason);
        http.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    /// <summary>Reads at most <paramref name="max"/> bytes; null when the body is larger.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext http, int max)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
            {
                if (buffer.Length + read > max)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.ToArray();
    }
}
