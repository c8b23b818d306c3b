using System.Globalization;
using System.Text.RegularExpressions;
using ImtBot.Core.Incidents;

namespace ImtBot.Core.Plans;

/// <summary>
/// The text of an <c>update</c> step with the incident's facts filled in when it runs: <c>{key}</c> (INC-42),
/// <c>{number}</c> (42), <c>{title}</c>, <c>{severity}</c> (SEV2), <c>{type}</c>, <c>{status}</c> and <c>{commander}</c>.
/// </summary>
public static partial class PlanTemplate
{
    public static IReadOnlyList<string> Placeholders { get; } = ["key", "number", "title", "severity", "type", "status", "commander"];

    [GeneratedRegex(@"\{([A-Za-z_]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    /// <summary>The first placeholder the template names that is not one of <see cref="Placeholders"/>, or null.</summary>
    public static string? Unknown(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups[1].Value).FirstOrDefault(name => !Placeholders.Contains(name, StringComparer.Ordinal));

    public static string Fill(string template, Incident state) =>
        Placeholder().Replace(template, m => m.Groups[1].Value switch
        {
            "key" => state.Key,
            "number" => state.Number.ToString(CultureInfo.InvariantCulture),
            "title" => state.Title,
            "severity" => "SEV" + state.Severity.ToString(CultureInfo.InvariantCulture),
            "type" => state.Type,
            "status" => state.Status.ToString().ToLowerInvariant(),
            "commander" => state.Commander?.ToString() ?? "not assigned yet",
            _ => m.Value,
        }).Trim();
}
