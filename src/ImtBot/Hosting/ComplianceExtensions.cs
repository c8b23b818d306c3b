using ImtBot.Core.Compliance;
using ImtBot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ImtBot.Hosting;

internal static class ComplianceExtensions
{
    /// <summary>The <c>Compliance</c> options (regimes, reminder points, anchor log) and the anchor log they name.</summary>
    public static WebApplicationBuilder AddCompliance(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ComplianceOptions>()
            .BindConfiguration(ComplianceOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) => ReplaceDefaultLists(options, configuration.GetSection(ComplianceOptions.SectionName)))
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ComplianceOptions>, ComplianceOptionsValidator>());
        builder.Services.AddSingleton(sp => new Compliance.AnchorLog(AnchorPath(
            sp.GetRequiredService<IOptions<ComplianceOptions>>().Value, sp.GetRequiredService<IOptions<StorageOptions>>().Value)));
        return builder;
    }

    /// <summary>The section as the host binds it, for the CLI verbs (which run without the host).</summary>
    internal static ComplianceOptions ComplianceOptionsFrom(IConfiguration configuration)
    {
        var options = new ComplianceOptions();
        var section = configuration.GetSection(ComplianceOptions.SectionName);
        section.Bind(options);
        ReplaceDefaultLists(options, section);
        var result = new ComplianceOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(ComplianceOptions.SectionName, typeof(ComplianceOptions), result.Failures);
        }

        return options;
    }

    /// <summary>A relative anchor log is beside the database file.</summary>
    internal static string AnchorPath(ComplianceOptions compliance, StorageOptions storage) =>
        Path.IsPathRooted(compliance.AnchorLog)
            ? compliance.AnchorLog
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storage.Path)) ?? ".", compliance.AnchorLog);

    /// <summary>
    /// The binder appends configured items to a list that already has defaults; a configured list (reminder points,
    /// a regime's holidays) means exactly those items, so it replaces the shipped one instead.
    /// </summary>
    private static void ReplaceDefaultLists(ComplianceOptions options, IConfigurationSection section)
    {
        if (section.GetSection(nameof(ComplianceOptions.Reminders)).Get<List<string>>() is { Count: > 0 } reminders)
        {
            options.Reminders = reminders;
        }

        foreach (var (id, regime) in options.Regimes)
        {
            var holidays = section.GetSection($"{nameof(ComplianceOptions.Regimes)}:{id}:{nameof(RegimeOptions.Holidays)}");
            if (holidays.Exists())
            {
                regime.Holidays = holidays.Get<List<string>>() ?? [];
            }
        }
    }
}
