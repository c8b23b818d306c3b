using Microsoft.Extensions.Options;

namespace ImtBot.Cards;

/// <summary>Checks the <c>Cards</c> section at start and lists every problem at once.</summary>
public sealed class CardOptionsValidator : IValidateOptions<CardOptions>
{
    public ValidateOptionsResult Validate(string? name, CardOptions options)
    {
        var problems = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Path) && !Directory.Exists(options.Path))
        {
            problems.Add($"Cards:Path '{options.Path}' is not a folder; name a folder holding teams/ and slack/ templates, or leave it empty for the built-in ones.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
