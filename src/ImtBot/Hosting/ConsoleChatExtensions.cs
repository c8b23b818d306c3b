using System.Net;
using ImtBot.ConsoleChat;
using ImtBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
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
        builder.Services.AddSingleton<IChatPlatform, ConsolePlatform>();
        builder.Services.AddSingleton<IUserDirectory, ConsoleUserDirectory>();
        return builder;
    }

    /// <summary>The page at <c>/</c> and its API, when the console is enabled (see <see cref="IsEnabled"/>).</summary>
    public static WebApplication MapConsoleChat(this WebApplication app)
    {
        if (!IsEnabled(app))
        {
            return app;
        }

        var files = new EmbeddedFileProvider(typeof(ConsoleApi).Assembly, "ImtBot.wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.MapConsoleApi();
        app.Lifetime.ApplicationStarted.Register(() =>
            app.Services.GetRequiredService<ConsoleChatService>().EnsureDefaultsAsync().GetAwaiter().GetResult());
        return app;
    }

    /// <summary>
    /// <c>Console:Enabled</c> when set; otherwise on in Development or when every listening address is loopback, so a
    /// bot exposed to the internet does not serve an unauthenticated console by accident.
    /// </summary>
    public static bool IsEnabled(WebApplication app)
    {
        var configured = app.Services.GetRequiredService<IOptions<ConsoleOptions>>().Value.Enabled;
        if (configured is { } enabled)
        {
            return enabled;
        }

        return app.Environment.IsDevelopment() || ListensOnLoopbackOnly(app.Configuration[WebHostDefaults.ServerUrlsKey] ?? ImtBotApp.DefaultUrl);
    }

    internal static bool ListensOnLoopbackOnly(string urls) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(url =>
        {
            var host = url.Split("://", 2) is [_, var rest] ? rest.Split('/')[0] : url;
            host = host.StartsWith('[') ? host[1..host.IndexOf(']')] : host.Split(':')[0];
            return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
        });
}
