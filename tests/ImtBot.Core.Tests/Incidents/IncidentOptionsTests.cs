using ImtBot.Core.Incidents;

namespace ImtBot.Core.Tests.Incidents;

public class IncidentOptionsTests
{
    [Fact]
    public void Validate_Defaults_NoErrors() => Assert.True(new IncidentOptionsValidator().Validate(null, new IncidentOptions()).Succeeded);

    [Fact]
    public void Validate_BadSettings_NamesEachOne()
    {
        var options = new IncidentOptions
        {
            Roles = ["commander", "on call"],
            KeyRoles = ["commander", "janitor"],
            PageRounds = 0,
            MaxReminders = -1,
            DefaultSeverity = 9,
        };
        options.Policies["SEV1"] = options.Policies["SEV1"] with { PageTimeout = TimeSpan.Zero, UpdateCadence = TimeSpan.FromMinutes(-1) };

        var errors = new IncidentOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Contains(errors, e => e.StartsWith("Incidents:Roles", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("\"janitor\"", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Incidents:PageRounds", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Incidents:MaxReminders", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Incidents:DefaultSeverity", StringComparison.Ordinal));
        Assert.Contains(errors, e => e == "Incidents:Policies:SEV1:PageTimeout must be positive.");
        Assert.Contains(errors, e => e.StartsWith("Incidents:Policies:SEV1:UpdateCadence", StringComparison.Ordinal));
        Assert.Equal(7, errors.Count);
    }

    [Fact]
    public void Defaults_MatchTheIssue()
    {
        var o = new IncidentOptions();

        Assert.Equal(2, o.PageRounds);
        Assert.Equal(TimeSpan.FromDays(7), o.ArchiveAfter);
        Assert.Equal([5, 10, 30, 60], new[] { 1, 2, 3, 4 }.Select(l => o.PolicyFor(l).PageTimeout.TotalMinutes));
        Assert.Equal([30.0, 60, 240, null], new[] { 1, 2, 3, 4 }.Select(l => o.PolicyFor(l).UpdateCadence?.TotalMinutes));
        Assert.Equal(TimeSpan.FromMinutes(5), o.PolicyFor(1).CommanderReminder);
        Assert.Equal(TimeSpan.FromMinutes(10), o.PolicyFor(1).RoleReminder);
    }
}
