using ImtBot.Cards;
using ImtBot.Core.Incidents;
using ImtBot.Core.Ports;
using ImtBot.Dispatch;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ImtBot.Hosting;

internal static class IncidentsExtensions
{
    /// <summary>The <c>Incidents</c> options, the command service (parse → decide → commit) and the incident reader.</summary>
    public static WebApplicationBuilder AddIncidents(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<IncidentOptions>()
            .Configure<IConfiguration>((options, configuration) => Bind(options, configuration.GetSection(IncidentOptions.SectionName)))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<IncidentOptions>>(new ListingValidator<IncidentOptions>(o => o.Validate()));
        builder.Services.AddSingleton(sp => new IncidentService(
            sp.GetRequiredService<ICommandStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<IncidentOptions>>().Value));
        builder.Services.AddSingleton<IIncidentReader>(sp => sp.GetRequiredService<IncidentService>());
        builder.Services.AddSingleton<ICommandHandler>(sp => new SignallingCommandHandler(sp.GetRequiredService<IncidentService>(), sp.GetRequiredService<OutboxSignal>()));
        return builder;
    }

    /// <summary>Card templates from <c>cards/</c> beside the executable, or <c>Cards:Path</c> first.</summary>
    public static WebApplicationBuilder AddCards(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CardOptions>().BindConfiguration(CardOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<CardOptions>>(new ListingValidator<CardOptions>(o => o.Validate()));
        builder.Services.AddSingleton<ICardRenderer>(sp => new CardRenderer(sp.GetRequiredService<IOptions<CardOptions>>().Value));
        builder.Services.AddSingleton<IIncidentCards>(sp => new IncidentCards(
            sp.GetRequiredService<ICardRenderer>(), sp.GetRequiredService<IOptions<IncidentOptions>>().Value));
        return builder;
    }

    /// <summary>
    /// Binds the section, but lets a configured list replace a default list (the binder would append to it), so
    /// <c>Incidents:Roles</c> in configuration means exactly those roles.
    /// </summary>
    internal static void Bind(IncidentOptions options, IConfigurationSection section)
    {
        section.Bind(options);
        if (section.GetSection(nameof(IncidentOptions.Roles)).Get<List<string>>() is { Count: > 0 } roles)
        {
            options.Roles = roles;
        }

        if (section.GetSection(nameof(IncidentOptions.KeyRoles)).Get<List<string>>() is { Count: > 0 } keyRoles)
        {
            options.KeyRoles = keyRoles;
        }
    }

    /// <summary>Adapts an options class's own <c>Validate()</c> (a list of sentences) to start-up validation.</summary>
    private sealed class ListingValidator<T>(Func<T, IReadOnlyList<string>> validate) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var problems = validate(options);
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
