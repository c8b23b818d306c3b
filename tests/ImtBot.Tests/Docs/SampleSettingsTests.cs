using System.Reflection;
using ImtBot.ConsoleChat;
using ImtBot.Cards;
using ImtBot.Core.Incidents;
using ImtBot.Dispatch;
using ImtBot.Slack.Hosting;
using ImtBot.Storage;
using ImtBot.Teams;
using ImtBot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace ImtBot.Tests.Docs;

/// <summary><c>appsettings.sample.json</c> parses as configuration and mirrors every option of every section.</summary>
public class SampleSettingsTests
{
    private static readonly IConfigurationRoot Sample = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(RepositoryRoot.Path, "appsettings.sample.json"), optional: false)
        .Build();

    public static TheoryData<string, Type> Sections => new()
    {
        { StorageOptions.SectionName, typeof(StorageOptions) },
        { IncidentOptions.SectionName, typeof(IncidentOptions) },
        { DispatcherOptions.SectionName, typeof(DispatcherOptions) },
        { ConsoleOptions.SectionName, typeof(ConsoleOptions) },
        { CardOptions.SectionName, typeof(CardOptions) },
        { ImtBot.Drills.DrillsOptions.SectionName, typeof(ImtBot.Drills.DrillsOptions) },
        { SlackOptions.SectionName, typeof(SlackOptions) },
        { TeamsOptions.SectionName, typeof(TeamsOptions) },
        { ImtBot.Security.AuthOptions.SectionName, typeof(ImtBot.Security.AuthOptions) },
        { ImtBot.Security.RateLimitOptions.SectionName, typeof(ImtBot.Security.RateLimitOptions) },
        { ImtBot.Core.Alerts.AlertOptions.SectionName, typeof(ImtBot.Core.Alerts.AlertOptions) },
        { ImtBot.Core.Compliance.ComplianceOptions.SectionName, typeof(ImtBot.Core.Compliance.ComplianceOptions) },
        { ImtBot.Plans.PlansOptions.SectionName, typeof(ImtBot.Plans.PlansOptions) },
        { ImtBot.Schedules.LearningOptions.SectionName, typeof(ImtBot.Schedules.LearningOptions) },
    };

    [Theory]
    [MemberData(nameof(Sections))]
    public void Sample_Section_NamesEverySetting(string section, Type options)
    {
        var settable = options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true).Select(p => p.Name);
        var present = Sample.GetSection(section).GetChildren().Select(c => c.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var missing = settable.Where(name => !present.Contains(name)).ToList();
        Assert.True(missing.Count == 0, $"appsettings.sample.json \"{section}\" lacks: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Sample_IncidentsSection_BindsAndValidates()
    {
        var options = new IncidentOptions();
        ImtBot.Hosting.IncidentsExtensions.Bind(options, Sample.GetSection(IncidentOptions.SectionName));

        Assert.True(new IncidentOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(TimeSpan.FromMinutes(10), options.PolicyFor(2).PageTimeout);
    }

    [Fact]
    public void Sample_ComplianceSection_BindsAndValidates()
    {
        var options = ImtBot.Hosting.ComplianceExtensions.ComplianceOptionsFrom(Sample);

        Assert.Equal(["dora", "gdpr", "hipaa", "nis2", "sec"], options.Enabled);
        Assert.Equal("72h", options.Definition("gdpr")!.Stages.Single().Within);
    }
}
