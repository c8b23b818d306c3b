using ImtBot.Core.Commands;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Incidents;

/// <summary>
/// Answers for a command that names no incident, or one that is ambiguous. Every hint is the command as typed with
/// the incident written in, so copying it does what was meant.
/// </summary>
public sealed partial class IncidentService
{
    private string NoIncidentHere(ChatCommand origin, Command command)
    {
        var open = store.ListIncidents(openOnly: true).OrderBy(i => i.Number).ToList();
        if (open.Count == 0)
        {
            return "Which incident? There are no open incidents: declare one with `/incident declare <title>`, or name a closed one right after the verb (`/incident status INC-42`).";
        }

        var (verb, rest) = VerbAndRest(origin.Text, command);
        var example = $"/incident {verb} {IncidentKey.Format(open[0].Number)}{(rest.Length > 0 ? " " + rest : "")}";
        var which = "Open: " + string.Join(", ", open.Take(10).Select(i => $"{IncidentKey.Format(i.Number)} ({i.Title})")) + ".";
        return $"Which incident? Name it right after the verb, e.g. `{example}`, or type the command in the incident's channel. {which}";
    }

    /// <summary><c>update 3 regions down</c> in INC-7's channel: a note on INC-3, or the text "3 regions down" on INC-7? Neither is guessed.</summary>
    private static string BareNumberElsewhere(ChatCommand origin, int named, int here)
    {
        var (verb, rest) = VerbAndRest(origin.Text, null);
        var number = rest.Split(' ', 2)[0];
        var after = rest.Length > number.Length ? rest[number.Length..].TrimStart() : "";
        var where = named == here ? "it may also be the start of your text" : $"this is {IncidentKey.Format(here)}'s channel";
        return $"`{number}` right after `{verb}` names {IncidentKey.Format(named)}, but {where}; nothing was done. " +
            $"For {IncidentKey.Format(named)}: `/incident {verb} {IncidentKey.Format(named)} {after}`. " +
            $"For the text \"{rest}\" on {IncidentKey.Format(here)}: `/incident {verb} {IncidentKey.Format(here)} {rest}`.";
    }

    /// <summary>The open page of <paramref name="actor"/> across the open incidents, or the answer when there is none or several.</summary>
    private (int? Number, string? Answer) OpenPageOf(UserRef actor, string verb)
    {
        var paged = store.ListIncidents(openOnly: true)
            .Select(i => Get(i.Number))
            .Where(s => s is { IsFinal: false } && s.OpenPageFor(actor) is not null)
            .Select(s => s!.Number)
            .Order()
            .ToList();
        return paged.Count switch
        {
            1 => (paged[0], null),
            0 => (null, $"You have no open page to {verb}. `/incident list` shows the open incidents."),
            _ => (null, $"You are paged on {paged.Count} incidents; say which: " +
                string.Join(" / ", paged.Select(n => $"`/incident {verb} {IncidentKey.Format(n)}`")) + "."),
        };
    }

    /// <summary>The verb as typed and the words after it (for hints); the command's own verb when the text is not the command (a form or a card's click).</summary>
    private static (string Verb, string After) VerbAndRest(string text, Command? command)
    {
        var normal = CommandTokenizer.Normalize(text);
        var space = normal.IndexOfAny([' ', '\t', '\n']);
        var verb = space < 0 ? normal : normal[..space];
        var rest = space < 0 ? "" : normal[(space + 1)..].Trim();
        if (CommandTable.IsVerb(verb) || verb.StartsWith("sev", StringComparison.OrdinalIgnoreCase))
        {
            return (verb.ToLowerInvariant(), rest);
        }

        var own = command?.GetType().Name.Replace("Command", "", StringComparison.Ordinal).ToLowerInvariant();
        return (CommandTable.IsVerb(own) ? own! : "status", "");
    }

    private static ChatCommand WithoutInvisible(ChatCommand origin) =>
        origin with { Actor = origin.Actor with { DisplayName = InvisibleCharacters.Strip(origin.Actor.DisplayName) } };

    /// <summary>Titles and names that did not come through the parser (a form's fields, a card's pick) are cleaned here too.</summary>
    private static Command WithoutInvisible(Command command) => command switch
    {
        DeclareCommand c => c with { Title = InvisibleCharacters.Strip(c.Title) },
        DrillCommand c => c with { Scenario = InvisibleCharacters.Strip(c.Scenario) },
        HotwashCommand c => c with { Text = InvisibleCharacters.Strip(c.Text) },
        _ => command,
    };
}
