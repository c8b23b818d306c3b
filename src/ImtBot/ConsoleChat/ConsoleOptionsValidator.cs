using Microsoft.Extensions.Options;

namespace ImtBot.ConsoleChat;

/// <summary>Checks the <c>Console</c> section at start and lists every problem at once.</summary>
public sealed class ConsoleOptionsValidator : IValidateOptions<ConsoleOptions>
{
    public ValidateOptionsResult Validate(string? name, ConsoleOptions options)
    {
        var problems = new List<string>();
        if (options.MaxRequestBytes is < 1024 or > 16 * 1024 * 1024)
        {
            problems.Add($"Console:MaxRequestBytes must be between 1024 and 16777216 (was {options.MaxRequestBytes}).");
        }

        foreach (var user in options.Users)
        {
            if (string.IsNullOrWhiteSpace(user.Id) || !user.Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            {
                problems.Add($"Console:Users: \"{user.Id}\" is not a valid user id; use letters, digits, '.', '-' and '_'.");
            }
        }

        foreach (var dup in options.Users.GroupBy(u => u.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"Console:Users: \"{dup.Key}\" appears more than once; give each user one entry.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
