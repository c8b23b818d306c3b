using ImtBot.ConsoleChat;
using ImtBot.Security;
using ImtBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ImtBot.Hosting;

internal static class ConsoleChatExtensions
{
    /// <summary>The local console: a chat platform of its own, kept in the same database.</summary>
    public static WebApplicationBuilder AddConsoleChat(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.SectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConsoleOptions>, ConsoleOptionsValidator>());
        builder.Services.AddSingleton<ConsoleChatStore>();
        builder.Services.AddSingleton<ConsoleHub>();
        builder.Services.AddSingleton<ConsoleChatService>();
        builder.Services.AddSingleton<ConsoleVisibility>();
        builder.Services.AddSingleton<IChatPlatform, ConsolePlatform>();
        builder.Services.AddSingleton<IUserDirectory, ConsoleUserDirectory>();
        return builder;
    }

    /// <summary>
    /// The page at <c>/</c> and its API. They are always mapped; whether they are served is decided per request by the
    /// authorization policies (<see cref="WebSurface"/>: loopback or sign-in, and <c>Console:Enabled</c>).
    /// </summary>
    public static WebApplication MapConsoleChat(this WebApplication app)
    {
        app.MapConsolePage().RequireAuthorization(Policies.Console, Policies.Viewer);
        app.MapConsoleApi();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            if (app.Services.GetRequiredService<WebSurface>().ConsoleOn)
            {
                app.Services.GetRequiredService<ConsoleChatService>().EnsureDefaultsAsync().GetAwaiter().GetResult();
            }
        });
        return app;
    }
}
