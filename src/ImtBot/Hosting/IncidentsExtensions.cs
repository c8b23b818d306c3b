using ImtBot.Cards;
using ImtBot.Core.Incidents;
using ImtBot.Core.Ports;
using ImtBot.Dispatch;
using ImtBot.Plans;
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
            .BindConfiguration(IncidentOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) => ReplaceDefaultLists(options, configuration.GetSection(IncidentOptions.SectionName)))
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IncidentOptions>, IncidentOptionsValidator>());
        builder.Services.AddSingleton(sp => new IncidentService(
            sp.GetRequiredService<ICommandStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<IncidentOptions>>().Value,
            sp.GetService<IPlatformHealth>(), sp.GetService<IUserDirectory>(), sp.GetService<IPlanSource>(),
            sp.GetService<IOptions<Core.Compliance.ComplianceOptions>>()?.Value, sp.GetService<ImtBot.Core.Drills.DrillCatalog>(),
            sp.GetService<IAdminAuditLog>()));
        builder.Services.AddSingleton<IIncidentReader>(sp => sp.GetRequiredService<IncidentService>());
        // Alert pages (AP-3) sit in front of the incidents; AddAlerts registers their service.
        builder.Services.AddSingleton<ICommandHandler>(sp => new SignallingCommandHandler(
            new Core.Alerts.Pages.AlertPageCommands(sp.GetRequiredService<IncidentService>(), sp.GetRequiredService<Core.Alerts.Pages.AlertPageService>(), sp.GetRequiredService<ICommandStore>()),
            sp.GetRequiredService<OutboxSignal>()));
        return builder;
    }

    /// <summary>The response plans of <c>Plans:Path</c>: checked at start (a bad plan stops the host), re-read when edited.</summary>
    public static WebApplicationBuilder AddPlans(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PlansOptions>().BindConfiguration(PlansOptions.SectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PlansOptions>, PlansOptionsValidator>());
        builder.Services.AddSingleton<IPlanSource, PlanLibrary>();
        return builder;
    }

    /// <summary>Card templates from <c>cards/</c> beside the executable, or <c>Cards:Path</c> first.</summary>
    public static WebApplicationBuilder AddCards(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CardOptions>().BindConfiguration(CardOptions.SectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CardOptions>, CardOptionsValidator>());
        builder.Services.AddSingleton<ICardRenderer>(sp => new CardRenderer(sp.GetRequiredService<IOptions<CardOptions>>().Value));
        builder.Services.AddSingleton<IIncidentCards>(sp => new IncidentCards(
            sp.GetRequiredService<ICardRenderer>(), sp.GetRequiredService<IOptions<IncidentOptions>>().Value, sp.GetService<TimeProvider>()));
        return builder;
    }

    /// <summary>Binds the section as the host does (the sample-settings test uses it).</summary>
    internal static void Bind(IncidentOptions options, IConfigurationSection section)
    {
        section.Bind(options);
        ReplaceDefaultLists(options, section);
    }

    /// <summary>
    /// The binder appends configured items to a list that already has defaults; a configured <c>Incidents:Roles</c>
    /// or <c>Incidents:KeyRoles</c> means exactly those roles, so it replaces the default list instead.
    /// </summary>
    private static void ReplaceDefaultLists(IncidentOptions options, IConfigurationSection section)
    {
        if (section.GetSection(nameof(IncidentOptions.Roles)).Get<List<string>>() is { Count: > 0 } roles)
        {
            options.Roles = roles;
        }

        if (section.GetSection(nameof(IncidentOptions.KeyRoles)).Get<List<string>>() is { Count: > 0 } keyRoles)
        {
            options.KeyRoles = keyRoles;
        }

        var assessment = section.GetSection(nameof(IncidentOptions.Assessment));
        if (assessment.GetSection(nameof(Core.Assessment.AssessmentOptions.Questions)).Get<List<Core.Assessment.AssessmentQuestion>>() is { Count: > 0 } questions)
        {
            options.Assessment.Questions = questions;
        }

        if (assessment.GetSection(nameof(Core.Assessment.AssessmentOptions.Matrix)).Get<List<Core.Assessment.SeverityRule>>() is { Count: > 0 } matrix)
        {
            options.Assessment.Matrix = matrix;
        }
    }
}
