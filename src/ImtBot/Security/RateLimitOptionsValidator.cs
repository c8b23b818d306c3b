using Microsoft.Extensions.Options;

namespace ImtBot.Security;

/// <summary>Checks the <c>RateLimits</c> section at start and lists every problem at once.</summary>
public sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var problems = new List<string>();
        if (options.WebhooksPerMinute is < 1 or > 100_000)
        {
            problems.Add($"RateLimits:WebhooksPerMinute must be between 1 and 100000 (was {options.WebhooksPerMinute}).");
        }

        if (options.ConsolePerMinute is < 1 or > 100_000)
        {
            problems.Add($"RateLimits:ConsolePerMinute must be between 1 and 100000 (was {options.ConsolePerMinute}).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
