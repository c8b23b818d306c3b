using ImtBot.Slack.Hosting;
using ImtBot.Teams;

namespace ImtBot.Hosting;

internal static class PlatformExtensions
{
    /// <summary>Slack when <c>Slack:BotToken</c> is set (Socket Mode with <c>Slack:AppToken</c>); Teams when <c>Teams:AppId</c> and <c>Teams:AppPassword</c> are.</summary>
    public static WebApplicationBuilder AddChatPlatforms(this WebApplicationBuilder builder)
    {
        builder.Services.AddSlack(builder.Configuration);
        builder.Services.AddTeams(builder.Configuration);
        return builder;
    }

    public static WebApplication MapChatPlatforms(this WebApplication app)
    {
        // Anonymous to the web surface's sign-in: each platform verifies its own requests (signing secret, Bot Framework token).
        var webhooks = app.MapGroup("").AllowAnonymous().RequireRateLimiting(ImtBot.Security.RateLimits.Webhooks);
        webhooks.MapSlack();
        webhooks.MapTeams();
        return app;
    }
}
