using ImtBot.Core.Incidents;
using ImtBot.Core.Plans;
using ImtBot.Plans;
using ImtBot.Tests.Infrastructure;

namespace ImtBot.Tests.Plans;

/// <summary>Plan files: every shipped plan is valid, and a broken file reports each problem with its line.</summary>
public class PlanFileParserTests
{
    private static readonly PlanFileParser Parser = new(new IncidentOptions().Roles);

    public static TheoryData<string> ShippedPlans => new() { "default", "security-breach", "service-outage", "degraded-performance", "third-party-outage" };

    [Theory]
    [MemberData(nameof(ShippedPlans))]
    public void ShippedPlan_ParsesWithoutProblems(string id)
    {
        var file = Path.Combine(RepositoryRoot.Path, "plans", id + ".yaml");

        var (plan, problems) = Parser.Parse(Path.GetFileName(file), File.ReadAllText(file));

        Assert.Empty(problems);
        Assert.NotNull(plan);
        Assert.Equal(id, plan.Id);
        Assert.True(plan.Tasks.Count >= 5, $"{id} has only {plan.Tasks.Count} tasks");
        Assert.All(plan.Tasks, t => Assert.True(t.Text.Length > 20, $"{id}/{t.Id}: '{t.Text}' is too thin for a runbook step"));
        Assert.All(PlanPhases.All, phase => Assert.Contains(plan.Tasks, t => t.Phase == phase));
    }

    [Fact]
    public void ShippedPlans_DefaultNeverBlocks_TypedPlansRequireSomething()
    {
        var (plans, problems) = PlanFolder.Load(Path.Combine(RepositoryRoot.Path, "plans"), new IncidentOptions().Roles);

        Assert.Empty(problems);
        Assert.DoesNotContain(plans.Single(p => p.Id == "default").Tasks, t => t.Required);
        Assert.All(plans.Where(p => p.Id != "default"), p => Assert.Contains(p.Tasks, t => t.Required));
        Assert.Equal("security-breach", new PlanCatalog(plans).For("breach", 1).Id);
    }

    [Fact]
    public void BrokenPlan_ListsEveryProblemWithItsLine()
    {
        const string yaml = """
            id: other-name
            title: Broken
            colour: red
            phases:
              asses:
                - id: scope
                  text: Scope it
                  owner: commander
              respond:
                - id: scope
                  text: Scope it again
                  owner: commander
                - id: fix
                  text: Fix it
                  owner: wizard
                  due: 5 minutes
                - id: tell
                  owner: comms
                - id: page
                  text: Page ops
                  owner: ops
                  due_from: lunch
                  required: maybe
                  auto: { pager: ops }
            """;

        var (plan, problems) = Parser.Parse("broken.yaml", yaml);

        Assert.Null(plan);
        var lines = problems.Select(p => p.ToString()).ToArray();
        Assert.Contains("broken.yaml:1: id 'other-name' does not match the file name: name the file other-name.yaml or set id: broken.", lines);
        Assert.Contains("broken.yaml:3: unknown plan field 'colour': a plan has id, title, description, types, severity, phases.", lines);
        Assert.Contains("broken.yaml:5: unknown phase 'asses': use detect, assess, respond, recover, review.", lines);
        Assert.Contains("broken.yaml:10: duplicate task id 'scope' (first used on line 6); task ids are unique within a plan.", lines);
        Assert.Contains("broken.yaml:15: unknown role 'wizard': use one of commander, deputy, comms, ops, scribe (Incidents:Roles).", lines);
        Assert.Contains("broken.yaml:16: bad duration '5 minutes': write minutes, hours or days like 15m, 2h, 1h30m or 1d (at most 30d).", lines);
        Assert.Contains("broken.yaml:17: missing required field 'text'.", lines);
        Assert.Contains("broken.yaml:22: due_from is 'declared' (the default) or 'phase', not 'lunch'.", lines);
        Assert.Contains("broken.yaml:23: required is true or false, not 'maybe'.", lines);
        Assert.Contains("broken.yaml:24: unknown automatic step 'pager': use page, update, oncall, clock.", lines);
        Assert.Equal(10, problems.Count);
    }

    [Fact]
    public void UpdateStep_WithAnUnknownPlaceholder_IsAProblem_AKnownOneIsNot()
    {
        var good = PlanFiles.Minimal.Replace("id: minimal", "id: steps", StringComparison.Ordinal) + "\n      auto: { update: \"{key} ({severity}): {title}\" }\n";
        var bad = good.Replace("{title}", "{eta}", StringComparison.Ordinal);

        var (plan, none) = Parser.Parse("steps.yaml", good);
        var (_, problems) = Parser.Parse("steps.yaml", bad);

        Assert.Empty(none);
        Assert.Equal(new PlanAutomation(PlanAutomation.Update, null, "{key} ({severity}): {title}"), plan!.Tasks[0].Auto);
        Assert.Equal("steps.yaml:10: unknown placeholder '{eta}' in the update: use {key}, {number}, {title}, {severity}, {type}, {status}, {commander}.", Assert.Single(problems).ToString());
    }

    [Fact]
    public void MissingFields_AndNotYaml_AreNamed()
    {
        var (_, missing) = Parser.Parse("empty.yaml", "title: Only a title\n");
        var (_, notYaml) = Parser.Parse("bad.yaml", "id: bad\nphases: [unclosed\n");

        Assert.Contains(missing, p => p.Message == "missing required field 'id'.");
        Assert.Contains(missing, p => p.Message.StartsWith("missing required field 'phases'", StringComparison.Ordinal));
        Assert.Single(notYaml);
        Assert.StartsWith("not valid YAML", notYaml[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("15m", 15)]
    [InlineData("2h", 120)]
    [InlineData("1h30m", 90)]
    [InlineData("1d", 1440)]
    [InlineData("72h", 4320)]
    [InlineData("0m", null)]
    [InlineData("31d", null)]
    [InlineData("15", null)]
    [InlineData("soon", null)]
    public void Durations(string text, int? minutes) => Assert.Equal(minutes, PlanDuration.TryParseMinutes(text));

    [Fact]
    public void TwoPlansClaimingOneType_IsAProblem()
    {
        using var files = new PlanFiles();
        files.Write("minimal.yaml", PlanFiles.Minimal + "\ntypes: [outage]\n");
        files.Write("other.yaml", PlanFiles.Minimal.Replace("id: minimal", "id: other", StringComparison.Ordinal) + "\ntypes: [outage]\n");

        var (_, problems) = PlanFolder.Load(files.Folder, new IncidentOptions().Roles);

        var problem = Assert.Single(problems);
        Assert.Equal("other.yaml:1: type 'outage' is also claimed by minimal.yaml at overlapping severities: give each plan its own types or severity range.", problem.ToString());
    }
}
