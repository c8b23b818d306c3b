using ImtBot.Core.Plans;
using ImtBot.Core.Ports;
using Microsoft.Extensions.Options;

namespace ImtBot.Drills;

/// <summary>Checks the <c>Drills</c> section and every scenario file at start, and lists every problem with its file and line.</summary>
/// <param name="services">Where the response plans come from, to check the plan tasks scenarios expect; optional.</param>
public sealed class DrillsOptionsValidator(IServiceProvider? services = null) : IValidateOptions<DrillsOptions>
{
    public ValidateOptionsResult Validate(string? name, DrillsOptions options)
    {
        var problems = new List<string>();
        if (options.PracticeEvery < TimeSpan.FromDays(1) || options.PracticeEvery > TimeSpan.FromDays(3650))
        {
            problems.Add($"Drills:PracticeEvery must be between 1 day and 3650 days, e.g. 365.00:00:00 (was {options.PracticeEvery}).");
        }

        if (!string.IsNullOrWhiteSpace(options.PracticeReminderAt) && !Core.Schedules.ScheduleSpec.TryParse(options.PracticeReminderAt, out _, out var error))
        {
            problems.Add($"Drills:PracticeReminderAt: {error}; or empty to turn the reminder off.");
        }

        foreach (var (team, members) in options.Teams)
        {
            if (members.Count == 0 || members.Any(string.IsNullOrWhiteSpace))
            {
                problems.Add($"Drills:Teams:{team} must list its members' user ids, e.g. [ \"alice\", \"bob\" ].");
            }
        }

        problems.AddRange(ScenarioFolder.Load(options.ResolvedPath(), Plans()).Problems.Select(p => "Drills: " + p));
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>
    /// The plans to check against, or null: with no plans at all a plan task is never checked (plans are not in use),
    /// and when the plans' own settings are bad their section reports it and start-up must still list every problem.
    /// </summary>
    private PlanCatalog? Plans()
    {
        try
        {
            return services?.GetService<IPlanSource>()?.Current() is { Plans.Count: > 0 } catalog ? catalog : null;
        }
        catch (OptionsValidationException)
        {
            return null;
        }
    }
}
