using ImtBot.Core.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ImtBot.Teams.Tests;

public sealed class TeamsOptionsTests
{
    private static IServiceProvider Build(Dictionary<string, string?> config)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(config).Build();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddTeams(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddTeams_WithoutCredentials_RegistersNothing()
    {
        var provider = Build(new() { ["Teams:AppId"] = "11111111-2222-3333-4444-555555555555" });

        Assert.Empty(provider.GetServices<IChatPlatform>());
    }

    [Fact]
    public void AddTeams_WithCredentials_AppliesTheDefaults()
    {
        var options = Build(new()
        {
            ["Teams:AppId"] = "11111111-2222-3333-4444-555555555555",
            ["Teams:AppPassword"] = "x",
            ["Teams:TenantId"] = "tid",
        }).GetRequiredService<IOptions<TeamsOptions>>().Value;

        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", options.OpenIdMetadataUrl);
        Assert.Equal("https://login.microsoftonline.com/tid", options.EffectiveAuthority);
        Assert.Equal("https://graph.microsoft.com/v1.0/", options.GraphBaseUrl);
        Assert.Contains("smba.trafficmanager.net", options.ConnectorAllowedHosts);
        Assert.Equal(["tid"], options.Tenants);
    }

    [Fact]
    public void AddTeams_InvalidSettings_ListsEveryProblem()
    {
        var provider = Build(new()
        {
            ["Teams:AppId"] = "not-a-guid",
            ["Teams:AppPassword"] = "x",
            ["Teams:GraphBaseUrl"] = "http://graph.local/",
            ["Teams:ConnectorAllowedHosts:0"] = "https://smba.trafficmanager.net/",
        });

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TeamsOptions>>().Value);

        Assert.Contains(e.Failures, f => f.Contains("Teams:AppId", StringComparison.Ordinal));
        Assert.Contains(e.Failures, f => f.Contains("Teams:TenantId", StringComparison.Ordinal));
        Assert.Contains(e.Failures, f => f.Contains("Teams:GraphBaseUrl", StringComparison.Ordinal));
        Assert.Contains(e.Failures, f => f.Contains("Teams:ConnectorAllowedHosts", StringComparison.Ordinal));
        Assert.DoesNotContain(e.Failures, f => f.Contains("Teams:AppPassword", StringComparison.Ordinal));
    }

    [Fact]
    public void AddTeams_MultiTenantApp_GetsBotTokensFromBotframeworkComAndGraphTokensFromTheTenant()
    {
        var options = Build(new()
        {
            ["Teams:AppId"] = "11111111-2222-3333-4444-555555555555",
            ["Teams:AppPassword"] = "x",
            ["Teams:TenantId"] = "tid",
            ["Teams:AppType"] = "MultiTenant",
        }).GetRequiredService<IOptions<TeamsOptions>>().Value;

        Assert.Equal("https://login.microsoftonline.com/botframework.com", options.EffectiveAuthority);
        Assert.Equal("https://login.microsoftonline.com/tid", options.GraphAuthority);
    }

    [Fact]
    public void AddTeams_SingleTenantByDefault_UsesTheTenantForBothTokens()
    {
        var options = Build(new()
        {
            ["Teams:AppId"] = "11111111-2222-3333-4444-555555555555",
            ["Teams:AppPassword"] = "x",
            ["Teams:TenantId"] = "tid",
        }).GetRequiredService<IOptions<TeamsOptions>>().Value;

        Assert.Equal(TeamsAppType.SingleTenant, options.AppType);
        Assert.Equal("https://login.microsoftonline.com/tid", options.GraphAuthority);
    }
}
