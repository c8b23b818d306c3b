using Microsoft.Extensions.Options;

namespace ImtBot.Dispatch;

/// <summary>Checks the <c>Dispatcher</c> section at start and lists every problem at once.</summary>
public sealed class DispatcherOptionsValidator : IValidateOptions<DispatcherOptions>
{
    public ValidateOptionsResult Validate(string? name, DispatcherOptions options)
    {
        var problems = new List<string>();
        Range(problems, "Lease", options.Lease, TimeSpan.FromSeconds(5), TimeSpan.FromHours(1));
        if (options.MaxAttempts is < 1 or > 100_000)
        {
            problems.Add($"Dispatcher:MaxAttempts must be between 1 and 100000 when set (was {options.MaxAttempts}).");
        }

        Range(problems, "GiveUpAfter", options.GiveUpAfter, TimeSpan.FromSeconds(1), TimeSpan.FromDays(30));
        Range(problems, "TellAfter", options.TellAfter, TimeSpan.Zero, TimeSpan.FromDays(1));

        if (options.PollInterval is { } poll)
        {
            Range(problems, "PollInterval", poll, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(10));
        }

        if (options.BatchSize is < 1 or > 1000)
        {
            problems.Add($"Dispatcher:BatchSize must be between 1 and 1000 (was {options.BatchSize}).");
        }

        Range(problems, "InitialBackoff", options.InitialBackoff, TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(1));
        Range(problems, "MaxBackoff", options.MaxBackoff, TimeSpan.FromMilliseconds(1), TimeSpan.FromDays(1));
        if (options.MaxBackoff < options.InitialBackoff)
        {
            problems.Add($"Dispatcher:MaxBackoff ({options.MaxBackoff}) must not be shorter than Dispatcher:InitialBackoff ({options.InitialBackoff}).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void Range(List<string> problems, string setting, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            problems.Add($"Dispatcher:{setting} must be between {min} and {max} (was {value}).");
        }
    }
}
