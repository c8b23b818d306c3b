using System.Text;

namespace ImtBot.Core.Commands;

/// <summary>Help and usage text, generated from the one command table (<see cref="CommandTable"/>).</summary>
public static class CommandHelp
{
    /// <summary>The sentence about naming an incident, shown in the full help.</summary>
    public const string IncidentNote =
        "Inside an incident's channel a command applies to that incident; elsewhere name it right after the verb " +
        "(`ack INC-42` or `ack 42`). Before free text (update, note, cancel, …) write `INC-42`: a bare number there is read as text.";

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
        return $"{head}: try `help`. Commands: {string.Join(", ", CommandTable.Verbs)}.";
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
