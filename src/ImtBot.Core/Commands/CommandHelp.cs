using System.Text;

namespace ImtBot.Core.Commands;

/// <summary>Help and usage text, generated from the one command table (<see cref="CommandTable"/>).</summary>
public static class CommandHelp
{
    /// <summary>The sentence about naming an incident, shown in the full help.</summary>
    public const string IncidentNote =
        "Inside an incident's channel a command applies to that incident; elsewhere name it right after the verb " +
        "(`ack INC-42`, `note 42 text`): a number right after the verb always names the incident (for `sev`, a single number is the level). " +
        "`ack` and `decline` in the direct message of a page apply to your one open page.";

    /// <summary>The whole command reference, or one verb's usage and examples when <paramref name="verb"/> names one.</summary>
    public static string Text(string? verb = null)
    {
        if (string.IsNullOrWhiteSpace(verb))
        {
            return Reference();
        }

        var specs = CommandTable.Find(verb.Trim());
        if (specs.Count == 0)
        {
            return UnknownVerb(verb.Trim());
        }

        var text = new StringBuilder();
        foreach (var spec in specs)
        {
            text.Append('`').Append(spec.Syntax).Append("` — ").Append(spec.Description).Append('\n');
            foreach (var example in spec.Examples)
            {
                text.Append("  e.g. `").Append(example).Append("`\n");
            }
        }

        return text.ToString().TrimEnd('\n');
    }

    /// <summary>The command table as a Markdown table (command, what it does, example) for the README and docs.</summary>
    public static string MarkdownTable()
    {
        var text = new StringBuilder("| Command | What it does | Example |\n| --- | --- | --- |\n");
        foreach (var spec in CommandTable.Entries)
        {
            text.Append("| `").Append(Cell(spec.Syntax)).Append("` | ").Append(Cell(spec.Description)).Append(" | `").Append(Cell(spec.Examples[0])).Append("` |\n");
        }

        return text.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>The usage line of one table entry: <c>Usage: `sev &lt;1-4&gt; &lt;reason&gt;` — Change the severity…</c>.</summary>
    public static string Usage(CommandSpec spec) => $"Usage: `{spec.Syntax}` — {spec.Description}";

    /// <summary>The usage lines of a verb (one per table entry), or the unknown-command text.</summary>
    public static string Usage(string verb)
    {
        var specs = CommandTable.Find(verb);
        return specs.Count == 0 ? UnknownVerb(verb) : string.Join("\n", specs.Select(Usage));
    }

    /// <summary>What an unknown or missing verb gets: a pointer to <c>help</c> and the list of verbs.</summary>
    public static string UnknownVerb(string verb)
    {
        var shown = verb.Length > 40 ? verb[..40] + "…" : verb;
        var head = shown.Length == 0 ? "No command given" : $"Unknown command `{shown}`";
        var suggestion = Closest(verb) is { } close ? $" Did you mean `{close}`?" : "";
        return $"{head}: try `help`.{suggestion} Commands: {string.Join(", ", CommandTable.Verbs)}.";
    }

    /// <summary>The verb within two edits of <paramref name="word"/> (a typo such as <c>delcare</c>), if exactly one is nearest.</summary>
    private static string? Closest(string word)
    {
        if (word.Length is < 3 or > 20)
        {
            return null;
        }

        var lower = word.ToLowerInvariant();
        var scored = CommandTable.Verbs.Select(v => (Verb: v, Distance: Distance(lower, v))).Where(x => x.Distance <= 2).OrderBy(x => x.Distance).ToList();
        return scored.Count > 0 && (scored.Count == 1 || scored[0].Distance < scored[1].Distance) ? scored[0].Verb : null;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    private static string Reference()
    {
        var text = new StringBuilder("ImtBot commands (`/incident <command>` in Slack and the console, `@ImtBot <command>` in Teams):\n");
        foreach (var spec in CommandTable.Entries)
        {
            text.Append("• `").Append(spec.Syntax).Append("` — ").Append(spec.Description).Append('\n');
        }

        text.Append(IncidentNote);
        return text.ToString();
    }
}
