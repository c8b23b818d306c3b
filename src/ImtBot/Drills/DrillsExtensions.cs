using ImtBot.Core.Drills;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ImtBot.Drills;

internal static class DrillsExtensions
{
    /// <summary>The <c>Drills</c> options (scenario files checked at start) and the scenario catalogue they load.</summary>
    public static WebApplicationBuilder AddDrills(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DrillsOptions>().BindConfiguration(DrillsOptions.SectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DrillsOptions>, DrillsOptionsValidator>());
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DrillsOptions>>().Value;
            return new DrillCatalog(ScenarioFolder.Load(options.ResolvedPath()).Catalog.Scenarios) { PracticeEvery = options.PracticeEvery };
        });
        return builder;
    }
}
