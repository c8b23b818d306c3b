using ImtBot.Core.Commands;
using ImtBot.Core.Incidents;
using ImtBot.Core.Reviews;
using ImtBot.Core.Tests.Incidents;

namespace ImtBot.Core.Tests.Compliance;

public class ComplianceReviewTests
{
    [Fact]
    public void Review_HasTheComplianceSection_WithDecisionsDeadlinesAndResults()
    {
        var s = Scenario.Declared(People.Alice);
        s.Ok(People.Alice, new RoleCommand("commander", UserArg.Me));
        s.Ok(People.Alice, new RegulatedCommand("gdpr", Scenario.Start.AddHours(-2), "SOC alert at 07:00"));
        s.Ok(People.Alice, new RegulatedCommand("nis2", null, null));
        s.Ok(People.Bob, new NotRegulatedCommand("hipaa", "no health data"));
        s.Advance(TimeSpan.FromHours(30));
        s.Ok(People.Carol, new NotifiedCommand("gdpr", "notification", "DPA-2026-1234", null));
        s.Ok(People.Carol, new NotifiedCommand("nis2", "notification", "CSIRT-9", null));
        s.Ok(People.Alice, new TransitionCommand(IncidentStatus.Resolved, null));
        s.Ok(People.Alice, new CloseCommand());

        var md = ReviewWriter.ToMarkdown(s.Events);

        Assert.Contains("## Compliance", md);
        Assert.Contains("it is not legal advice", md);
        Assert.Contains("| 2026-11-27 09:00 | @Alice | GDPR Art. 33 applies; aware since 2026-11-27 07:00 | SOC alert at 07:00 |", md);
        Assert.Contains("| @Bob | hipaa does not apply | no health data |", md);
        Assert.Contains("| GDPR Art. 33 | notification to the supervisory authority | 2026-11-30 07:00 | 72 h after awareness | 2026-11-28 15:00 | @Carol | DPA-2026-1234 | met |", md);
        Assert.Contains("| NIS2 Art. 23 | early warning | 2026-11-28 09:00 | 24 h after awareness | — | — | — | **missed** (no submission recorded) |", md);
        Assert.Contains("| NIS2 Art. 23 | final report | 2026-12-28 15:00 | 1 month after the incident notification submission | — | — | — | open (", md);
        Assert.True(md.IndexOf("## Compliance", StringComparison.Ordinal) < md.IndexOf("## What went well", StringComparison.Ordinal));
    }

    [Fact]
    public void Review_WithoutRegimes_HasNoComplianceSection() =>
        Assert.DoesNotContain("## Compliance", ReviewWriter.ToMarkdown(Scenario.Declared().Events));
}
