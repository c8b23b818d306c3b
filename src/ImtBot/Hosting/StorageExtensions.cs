using ImtBot.Core.Ports;
using ImtBot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ImtBot.Hosting;

internal static class StorageExtensions
{
    /// <summary>
    /// One LiteDB store per process (<c>Storage:Path</c>, default <c>data/imtbot.db</c>), opened when first resolved:
    /// the host resolves it at start-up so a held database or a bad path stops the process with a clear message.
    /// Each store port resolves to that one instance; <see cref="LiteDocumentDatabase"/> lends the host collections of
    /// its own in the same file, through the same writer.
    /// </summary>
    public static WebApplicationBuilder AddImtBotStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        builder.Services.AddSingleton(sp => new LiteIncidentStore(sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetService<TimeProvider>()));
        builder.Services.AddSingleton<ICommandStore>(sp => sp.GetRequiredService<LiteIncidentStore>());
        builder.Services.AddSingleton<IIncidentLog>(sp => sp.GetRequiredService<LiteIncidentStore>());
        builder.Services.AddSingleton<IIncidentQueries>(sp => sp.GetRequiredService<LiteIncidentStore>());
        builder.Services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<LiteIncidentStore>());
        builder.Services.AddSingleton<ISettingsStore>(sp => sp.GetRequiredService<LiteIncidentStore>());
        builder.Services.AddSingleton(sp => new LiteDocumentDatabase(sp.GetRequiredService<LiteIncidentStore>()));
        builder.Services.AddHostedService<StorageOpener>();
        return builder;
    }

    /// <summary>The <c>Storage</c> section for the CLI verbs, which open the store without the host: the same binding and validator.</summary>
    internal static StorageOptions StorageOptionsFrom(IConfiguration configuration)
    {
        var options = new StorageOptions();
        configuration.GetSection(StorageOptions.SectionName).Bind(options);
        var result = new StorageOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(StorageOptions.SectionName, typeof(StorageOptions), result.Failures);
        }

        return options;
    }

    /// <summary>Opens the store before the server accepts requests.</summary>
    private sealed class StorageOpener(LiteIncidentStore store) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.FromResult(store.IsReady);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
