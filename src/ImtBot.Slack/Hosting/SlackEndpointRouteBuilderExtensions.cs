using ImtBot.Slack.Inbound;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ImtBot.Slack.Hosting;

public static class SlackEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST /api/slack/commands</c>, <c>/api/slack/interactions</c> and <c>/api/slack/events</c> when Slack is on
    /// (with Socket Mode they still answer, e.g. while switching modes; a request is verified with the signing secret).
    /// </summary>
    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder endpoints)
    {
        // AddSlack registers the endpoints only when Slack is on; options are validated at start, not here.
        if (endpoints.ServiceProvider.GetService<IServiceProviderIsService>()?.IsService(typeof(SlackHttpEndpoints)) != true)
        {
            return endpoints;
        }

        var group = endpoints.MapGroup("/api/slack").DisableAntiforgery();
        group.MapPost("/commands", (HttpContext http, SlackHttpEndpoints slack) => slack.CommandsAsync(http));
        group.MapPost("/interactions", (HttpContext http, SlackHttpEndpoints slack) => slack.InteractionsAsync(http));
        group.MapPost("/events", (HttpContext http, SlackHttpEndpoints slack) => slack.EventsAsync(http));
        return endpoints;
    }
}
