using ImtBot.Security;
using ImtBot.Tests.Infrastructure;
using ImtBot.Tests.Slack;
using ImtBot.Tests.Teams;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ImtBot.Tests.Security;

/// <summary>
/// Every endpoint the host maps — with Slack and Teams on, so theirs are mapped too — names an authorization policy of
/// the web surface or is explicitly anonymous. An endpoint added without either fails here, before it ships open.
/// </summary>
public class EndpointPolicyTests
{
    [Fact]
    public async Task EveryEndpoint_HasAPolicyOrIsExplicitlyAnonymous()
    {
        var endpoints = new List<(string Name, EndpointMetadataCollection Metadata)>();
        await using (var host = await TestHost.StartAsync())
        {
            endpoints.AddRange(Endpoints(host.Services));
        }

        await using (var slack = await SlackHarness.StartAsync())
        {
            endpoints.AddRange(Endpoints(slack.Host.Services));
        }

        await using (var teams = await TeamsHarness.StartAsync())
        {
            endpoints.AddRange(Endpoints(teams.Host.Services));
        }

        var known = typeof(Policies).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        Assert.Contains(endpoints, e => e.Name.Contains("/api/slack/commands"));
        Assert.Contains(endpoints, e => e.Name.Contains("/api/messages"));
        Assert.Contains(endpoints, e => e.Name.Contains("/api/console/messages"));
        Assert.All(endpoints, e =>
        {
            var anonymous = e.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            Assert.True(anonymous || policies.Count > 0, $"{e.Name} has neither an authorization policy nor AllowAnonymous: give its group RequireAuthorization(Policies.…) or, for a webhook that verifies its own signature, AllowAnonymous().");
            Assert.True(policies.All(p => p is not null && known.Contains(p)), $"{e.Name} names a policy that is not one of {nameof(Policies)}: {string.Join(", ", policies)}");
        });
    }

    [Fact]
    public async Task Policies_AreThoseTheHostRegisters_AndTheFallbackDenies()
    {
        await using var host = await TestHost.StartAsync();
        var options = host.Services.GetRequiredService<IOptions<AuthorizationOptions>>().Value;

        Assert.All([Policies.Viewer, Policies.Responder, Policies.Admin, Policies.Console], p => Assert.NotNull(options.GetPolicy(p)));
        Assert.NotNull(options.FallbackPolicy);
    }

    private static IEnumerable<(string, EndpointMetadataCollection)> Endpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.Select(e => (e.DisplayName ?? e.ToString()!, e.Metadata));
}
