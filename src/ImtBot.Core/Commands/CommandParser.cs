using System.Collections.Frozen;
using ImtBot.Core.Incidents;

namespace ImtBot.Core.Commands;

/// <summary>
/// Parses the one command language of every platform (docs/protocols.md §Command text): <c>&lt;verb&gt; [INC-&lt;n&gt;|&lt;n&gt;] args…</c>.
/// Never throws: anything malformed is a <see cref="ParseResult"/> carrying the verb's usage from <see cref="CommandTable"/>.
/// </summary>
/// <remarks>
/// The incident reference right after the verb is <c>INC-42</c>, <c>#42</c> or <c>42</c>, for every verb that takes
/// an incident: <c>note 1 text</c> is a note on INC-1. The one exception is <c>sev</c>, whose first number is the level
/// (<c>sev 2 reason</c>) unless a second level follows (<c>sev 42 2 reason</c> names INC-42). A bare number in front of
/// free text is also flagged (<see cref="ParseResult.BareNumber"/>), so the service can refuse it in another incident's
/// channel, where it could have been meant as text.
/// </remarks>
public static partial class CommandParser
{
    private delegate ParseResult VerbParser(CommandArgs args);

    private static readonly FrozenDictionary<string, VerbParser> Parsers = new Dictionary<string, VerbParser>
    {
        ["declare"] = a => DeclareFromAlertPage(a) ?? Declare(a),
        ["role"] = Role,
        ["lead"] = a => NoArgs(a, "lead", new RoleCommand("commander", UserArg.Me)),
        ["page"] = Page,
        ["ack"] = a => AlertPageAnswer(a, AlertPageVerb.Ack) ?? NoArgs(a, "ack", new AckCommand()),
        ["decline"] = a => AlertPageAnswer(a, AlertPageVerb.Decline) ?? NoArgs(a, "decline", new DeclineCommand()),
        ["sev"] = Severity,
        ["update"] = a => RequiredText(a, "update", "Write the update's text.", t => new UpdateCommand(t)),
        ["note"] = a => RequiredText(a, "note", "Write the note's text.", t => new NoteCommand(t)),
        ["investigating"] = a => Transition(a, IncidentStatus.Investigating),
        ["identified"] = a => Transition(a, IncidentStatus.Identified),
        ["mitigated"] = a => Transition(a, IncidentStatus.Mitigated),
        ["resolved"] = a => Transition(a, IncidentStatus.Resolved),
        ["reopen"] = a => Ok(new ReopenCommand(OptionalText(a))),
        ["cancel"] = a => RequiredText(a, "cancel", "Say why it is a false alarm.", t => new CancelCommand(t)),
        ["close"] = a => NoArgs(a, "close", new CloseCommand()),
        ["action"] = Action,
        ["handover"] = Handover,
        ["oncall"] = OnCall,
        ["status"] = a => NoArgs(a, "status", new StatusCommand()),
        ["list"] = a => NoArgs(a, "list", new ListCommand()),
        ["review"] = a => NoArgs(a, "review", new ReviewCommand()),
        ["timeline"] = a => NoArgs(a, "timeline", new TimelineCommand()),
        ["help"] = Help,
        ["drill"] = Drill,
        ["snooze"] = Snooze,
        ["type"] = Type,
        ["plan"] = a => NoArgs(a, "plan", new PlanCommand()),
        ["task"] = Task,
        ["regulated"] = Regulated,
        ["notregulated"] = NotRegulated,
        ["classified"] = Classified,
        ["material"] = a => Ok(new MaterialCommand(OptionalText(a))),
        ["notified"] = Notified,
        ["compliance"] = a => NoArgs(a, "compliance", new ComplianceClocksCommand()),
        ["training"] = Training,
        ["hotwash"] = a => RequiredText(a, "hotwash", "Write your answer: what went well, what was hard, what to change.", t => new HotwashCommand(t)),
        ["impact"] = Impact,
        ["actions"] = Actions,
        ["detected"] = Detected,
        ["summary"] = a => ReviewText(a, "summary", "Write the overview: what happened, in a few sentences."),
        ["cause"] = a => ReviewText(a, "cause", "Write what caused it and what let it happen."),
        ["resolution"] = a => ReviewText(a, "resolution", "Write how the impact was stopped and the fix made."),
        ["silence"] = Silence,
        ["unsilence"] = Unsilence,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Verbs whose first argument is free text: a bare number in front of it could have been meant as text.</summary>
    private static readonly FrozenSet<string> FreeTextVerbs =
        new[] { "update", "note", "cancel", "reopen", "investigating", "identified", "mitigated", "resolved", "action", "hotwash", "summary", "cause", "resolution" }
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The verbs the parser understands (the same set as <see cref="CommandTable.Verbs"/>; a test holds them equal).</summary>
    internal static IEnumerable<string> ParsedVerbs => Parsers.Keys;

    /// <param name="text">Command text without the bot's mention; a leading <c>/incident</c> is tolerated.</param>
    public static ParseResult Parse(string? text) => ParseText(CommandTokenizer.Normalize(text));

    private static ParseResult ParseText(string text)
    {
        var tokens = CommandTokenizer.Tokenize(text);
        if (tokens.Count == 0 || tokens[0].Quoted)
        {
            return ParseResult.Fail(CommandHelp.UnknownVerb(tokens.Count == 0 ? "" : tokens[0].Value));
        }

        var verb = tokens[0].Value.ToLowerInvariant();
        var args = new CommandArgs(text, tokens.Skip(1).ToArray());
        if (verb.Length > 3 && verb.StartsWith("sev", StringComparison.Ordinal) && CommandArgs.Severity(tokens[0]) is { } level)
        {
            // "sev1 reason" is "sev 1 reason".
            return WithIncident(args, "sev", a => SeverityWith(a, level));
        }

        return Parsers.TryGetValue(verb, out var parse)
            ? WithIncident(args, verb, a => parse(a))
            : ParseResult.Fail(CommandHelp.UnknownVerb(tokens[0].Value));
    }

    private static ParseResult WithIncident(CommandArgs args, string verb, Func<CommandArgs, ParseResult> parse)
    {
        var incident = TakesIncident(verb) ? IncidentReference(args, verb) : null;
        var result = parse(incident is null ? args : args.Skip(1));
        if (incident is not { } n)
        {
            return result;
        }

        if (result.Command is { } command)
        {
            var bare = CommandArgs.IsDigits(args[0]) && FreeTextVerbs.Contains(verb) && args.Count > 1;
            return ParseResult.Ok(command with { Incident = n }) with { BareNumber = bare };
        }

        // The usage line with the incident written in, so the hint works when copied.
        var forIncident = CommandTable.Find(verb).Select(spec => $"For {IncidentKey.Format(n)}: `/incident {WithKey(spec.Syntax, verb, n)}`");
        return ParseResult.Fail(result.Usage + "\n" + string.Join('\n', forIncident));
    }

    private static string WithKey(string syntax, string verb, int number) =>
        syntax.Length > verb.Length ? $"{verb} {IncidentKey.Format(number)}{syntax[verb.Length..]}" : $"{verb} {IncidentKey.Format(number)}";

    private static bool TakesIncident(string verb) => CommandTable.Find(verb) is [var spec, ..] && spec.TakesIncident;

    private static int? IncidentReference(CommandArgs args, string verb)
    {
        if (args.Count == 0 || args[0].Quoted || !IncidentKey.TryParse(args[0].Value, out var number))
        {
            return null;
        }

        if (!CommandArgs.IsDigits(args[0]))
        {
            return number;
        }

        // A bare number: decide between an incident and the first argument.
        if (verb == "sev")
        {
            return args.Count >= 2 && CommandArgs.Severity(args[1]) is not null ? number : null;
        }

        return number;
    }

    private static ParseResult Ok(Command command) => ParseResult.Ok(command);

    /// <summary>A usage failure for entry <paramref name="entry"/> of <paramref name="verb"/>, after an optional problem sentence.</summary>
    private static ParseResult Fail(string verb, string? problem = null, int entry = 0)
    {
        var specs = CommandTable.Find(verb);
        var usage = specs.Count > entry ? CommandHelp.Usage(specs[entry]) : CommandHelp.Usage(verb);
        return ParseResult.Fail(problem is null ? usage : problem + "\n" + usage);
    }

    private static ParseResult NoArgs(CommandArgs args, string verb, Command command) =>
        args.Count == 0 ? Ok(command) : Fail(verb, $"`{verb}` takes no arguments here.");

    private static string? OptionalText(CommandArgs args) => args.Text(0) is { Length: > 0 } t ? t : null;

    private static ParseResult RequiredText(CommandArgs args, string verb, string problem, Func<string, Command> make) =>
        args.Text(0) is { Length: > 0 } text ? Ok(make(text)) : Fail(verb, problem);

    private static ParseResult Transition(CommandArgs args, IncidentStatus target) => Ok(new TransitionCommand(target, OptionalText(args)));
}
