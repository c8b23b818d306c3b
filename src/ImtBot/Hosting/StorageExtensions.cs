using ImtBot.Core.Ports;
using ImtBot.Storage;
using ImtBot.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ImtBot.Hosting;

internal static class StorageExtensions
{
    /// <summary>
    /// One store per process, opened when first resolved (the host resolves it at start-up, so a held database, an
    /// unreachable server or a bad path stops the process with a clear message): LiteDB (<c>Storage:Path</c>, default
    /// <c>data/imtbot.db</c>) or PostgreSQL (<c>Storage:Provider=PostgreSQL</c>, <c>Storage:ConnectionString</c>), which
    /// several instances share. Each store port resolves to that one instance; <see cref="IDocumentDatabase"/> lends the
    /// host collections of its own in the same database.
    /// </summary>
    public static WebApplicationBuilder AddImtBotStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        builder.Services.AddSingleton(sp => OpenStore(sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetService<TimeProvider>()));

        // The LiteDB store by its own type too, for what only it has (the fault hook of the host's tests).
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IIncidentStore>() as LiteIncidentStore
            ?? throw new InvalidOperationException("The store is on PostgreSQL (Storage:Provider), not LiteDB."));
        builder.Services.AddSingleton<ICommandStore>(sp => sp.GetRequiredService<IIncidentStore>());
        builder.Services.AddSingleton<IIncidentLog>(sp => sp.GetRequiredService<IIncidentStore>());
        builder.Services.AddSingleton<IIncidentQueries>(sp => sp.GetRequiredService<IIncidentStore>());
        builder.Services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<IIncidentStore>());
        builder.Services.AddSingleton<ISettingsStore>(sp => sp.GetRequiredService<IIncidentStore>());
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IIncidentStore>().Documents);
        builder.Services.AddHostedService<StorageOpener>();

        // Several instances share PostgreSQL: an idle dispatcher must look for the others' steps (and a dead one's).
        builder.Services.AddOptions<Dispatch.DispatcherOptions>().PostConfigure<IOptions<StorageOptions>>((dispatcher, storage) =>
        {
            if (storage.Value.Provider == StorageProvider.PostgreSQL)
            {
                dispatcher.PollInterval ??= TimeSpan.FromSeconds(5);
            }
        });
        builder.Services.AddSingleton<ILeaderElection>(sp => sp.GetRequiredService<IIncidentStore>() is PostgresIncidentStore postgres
            ? new PostgresLeaderElection(postgres, sp.GetService<TimeProvider>(), sp.GetRequiredService<IOptions<StorageOptions>>().Value.LeaderLease)
            : new SingleProcessLeadership());
        return builder;
    }

    /// <summary>Opens the store <c>Storage:Provider</c> names (the host and the CLI verbs alike).</summary>
    internal static IIncidentStore OpenStore(StorageOptions options, TimeProvider? time = null) => options.Provider switch
    {
        StorageProvider.PostgreSQL => new PostgresIncidentStore(options, time),
        _ => new LiteIncidentStore(options, time),
    };

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
    private sealed class StorageOpener(IIncidentStore store) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.FromResult(store.IsReady);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
