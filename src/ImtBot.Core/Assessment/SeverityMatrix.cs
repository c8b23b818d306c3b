using System.Globalization;

namespace ImtBot.Core.Assessment;

/// <summary>The severity the answers suggest, and the rule that suggested it (shown so the declarer can judge it).</summary>
/// <param name="Severity">The suggested level (1 is the worst).</param>
/// <param name="Because">The answers of the winning rule, e.g. <c>data = yes</c>.</param>
public sealed record SeveritySuggestion(int Severity, string Because);

/// <summary>
/// The severity matrix: of the rules whose answers all hold, the most severe one (the first of equals) gives the
/// suggestion; no rule holding suggests nothing (the declarer's choice or the default severity applies).
/// </summary>
public static class SeverityMatrix
{
    public static SeveritySuggestion? Suggest(AssessmentOptions options, IReadOnlyDictionary<string, string> answers)
    {
        SeveritySuggestion? best = null;
        foreach (var rule in options.Matrix)
        {
            if (Level(rule.Severity) is not { } level || rule.When.Count == 0)
            {
                continue;
            }

            var holds = rule.When.All(w => answers.TryGetValue(w.Key, out var given) && string.Equals(given, w.Value, StringComparison.OrdinalIgnoreCase));
            if (holds && (best is null || level < best.Severity))
            {
                best = new SeveritySuggestion(level, string.Join(", ", rule.When.Select(w => $"{w.Key} = {w.Value.ToLowerInvariant()}")));
            }
        }

        return best;
    }

    /// <summary><c>SEV2</c> (or <c>sev2</c>, <c>2</c>) → 2; null when it names no level.</summary>
    public static int? Level(string? severity)
    {
        var s = (severity ?? "").Trim();
        if (s.StartsWith("SEV", StringComparison.OrdinalIgnoreCase))
        {
            s = s[3..];
        }

        return int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
    }
}
