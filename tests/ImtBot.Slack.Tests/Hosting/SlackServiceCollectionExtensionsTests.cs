using System.Net;
using ImtBot.Cards;
using ImtBot.Core.Ports;
using ImtBot.Slack.Hosting;
using ImtBot.Slack.SocketMode;
using ImtBot.Slack.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moq;

namespace ImtBot.Slack.Tests.Hosting;

/// <summary>AddSlack/MapSlack as the host calls them: on only with a bot token, validated at start, Socket Mode with an app token.</summary>
public sealed class SlackServiceCollectionExtensionsTests
{
    private static WebApplication Build(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(Mock.Of<ICommandHandler>());
        builder.Services.AddSingleton(Mock.Of<IIncidentCards>());
        builder.Services.AddSingleton(Mock.Of<ICommandStore>());
        builder.Services.AddSlack(builder.Configuration);
        var app = builder.Build();
        app.MapSlack();
        return app;
    }

    [Fact]
    public async Task AddSlack_NoBotToken_SlackIsOffAndEndpointsAreNotMapped()
    {
        await using var app = Build(new() { ["Slack:SigningSecret"] = "s" });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        var response = await http.PostAsync("/api/slack/commands", new StringContent("text=x"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(app.Services.GetServices<IChatPlatform>());
        await app.StopAsync();
    }

    [Fact]
    public async Task AddSlack_HttpModeWithoutSigningSecret_FailsAtStartNamingTheSetting()
    {
        await using var app = Build(new() { ["Slack:BotToken"] = FakeSlack.BotToken });

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Slack:SigningSecret", e.Message);
        Assert.DoesNotContain(FakeSlack.BotToken, e.Message);
    }

    [Fact]
    public void AddSlack_AppToken_RegistersSocketModeAndThePlatform()
    {
        var services = new ServiceCollection();
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Slack:BotToken"] = FakeSlack.BotToken, ["Slack:AppToken"] = FakeSlack.AppToken }).Build();

        services.AddSlack(config);

        Assert.Contains(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(SlackSocketModeService));
        Assert.Contains(services, d => d.ServiceType == typeof(IChatPlatform));
    }

    [Fact]
    public void AddSlack_NoAppToken_NoSocketMode()
    {
        var services = new ServiceCollection();
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Slack:BotToken"] = FakeSlack.BotToken, ["Slack:SigningSecret"] = "s" }).Build();

        services.AddSlack(config);

        Assert.DoesNotContain(services, d => d.ImplementationType == typeof(SlackSocketModeService));
    }

    [Theory]
    [InlineData("xoxp-user", null, "s", "Slack:BotToken")]
    [InlineData("xoxb-ok", "xoxb-not-app", null, "Slack:AppToken")]
    [InlineData("xoxb-ok", null, null, "Slack:SigningSecret")]
    public void Validate_BadSettings_NameTheSetting(string bot, string? app, string? secret, string setting)
    {
        var result = new SlackOptionsValidator().Validate(null, new SlackOptions { BotToken = bot, AppToken = app, SigningSecret = secret });

        Assert.True(result.Failed);
        Assert.Contains(setting, result.FailureMessage);
        Assert.DoesNotContain(bot, result.FailureMessage);
    }

    [Fact]
    public void Options_Defaults_MatchTheDesign()
    {
        var options = new SlackOptions();

        Assert.Equal(new Uri("https://slack.com/api/"), options.ApiBaseUrl);
        Assert.Equal(TimeSpan.FromDays(7), options.ArchiveAfter);
        Assert.False(options.Enabled);
        Assert.True(new SlackOptionsValidator().Validate(null, options).Succeeded);
    }
}
