using ImtBot.Teams.Activities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ImtBot.Teams;

public static class TeamsEndpointRouteBuilderExtensions
{
    /// <summary>Maps <c>POST /api/messages</c> (Bot Framework) when <c>AddTeams</c> found Teams configured; otherwise nothing.</summary>
    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<TeamsMarker>() is null)
        {
            return endpoints;
        }

        endpoints.MapPost("/api/messages", (HttpContext http, MessagesEndpoint endpoint) => endpoint.HandleAsync(http))
            .WithName("TeamsMessages")
            .DisableAntiforgery();
        return endpoints;
    }
}
