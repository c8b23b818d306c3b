using ImtBot.Core.Incidents;
using ImtBot.Core.Plans;
using ImtBot.Drills;
using ImtBot.Plans;
using ImtBot.Tests.Infrastructure;

namespace ImtBot.Tests.Drills;

/// <summary>A drill rehearses the response plan of its incident type: every shipped scenario's type must have a plan of its own.</summary>
public class ScenarioPlansTests
{
    [Fact]
    public void EveryShippedScenario_RunsAPlanOtherThanTheDefault()
    {
        var (plans, planProblems) = PlanFolder.Load(Path.Combine(RepositoryRoot.Path, "plans"), new IncidentOptions().Roles);
        Assert.Empty(planProblems);
        var catalog = new PlanCatalog(plans);
        var (scenarios, problems) = ScenarioFolder.Load(Path.Combine(RepositoryRoot.Path, "drills"), catalog);
        Assert.Empty(problems);
        Assert.NotEmpty(scenarios.Scenarios);

        Assert.All(scenarios.Scenarios, s =>
        {
            Assert.False(string.IsNullOrEmpty(s.Type), $"{s.Id} names no incident type");
            var plan = catalog.For(s.Type!, s.Severity);
            Assert.True(plan.Id != "default", $"{s.Id} (type {s.Type}, SEV{s.Severity}) runs the default plan; give the type a plan in plans/");
        });
    }
}
