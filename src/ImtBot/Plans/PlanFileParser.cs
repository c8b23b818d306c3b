using System.Security.Cryptography;
using System.Text;
using ImtBot.Core.Plans;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ImtBot.Plans;

/// <summary>
/// Reads one plan file (YAML) into a <see cref="ResponsePlan"/> and checks it, collecting every problem with its line
/// rather than stopping at the first: an admin fixes a file in one pass.
/// </summary>
/// <param name="roles">The role names incidents have (<c>Incidents:Roles</c>); a task's owner must be one.</param>
/// <param name="regimes">The enabled compliance regimes (<c>Compliance:Regimes</c>); a <c>clock</c> step must name one. Null: not checked.</param>
public sealed class PlanFileParser(IReadOnlyCollection<string> roles, IReadOnlyCollection<string>? regimes = null)
{
    private static readonly string[] PlanFields = ["id", "title", "description", "types", "severity", "phases"];
    private static readonly string[] TaskFields = ["id", "text", "owner", "due", "due_from", "required", "runbook", "auto"];
    private static readonly string[] SeverityFields = ["min", "max"];

    /// <summary>The plan, or null with at least one problem.</summary>
    public (ResponsePlan? Plan, IReadOnlyList<PlanProblem> Problems) Parse(string fileName, string text)
    {
        var problems = new List<PlanProblem>();
        void Problem(YamlNode? at, string message) => problems.Add(new PlanProblem(fileName, at is null ? 1 : (int)at.Start.Line, message));

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            problems.Add(new PlanProblem(fileName, (int)e.Start.Line, "not valid YAML: " + e.Message.Split('\n')[0]));
            return (null, problems);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Problem(null, "a plan is a mapping with id, title, description, types and phases.");
            return (null, problems);
        }

        UnknownFields(root, PlanFields, "plan", Problem);
        var id = Scalar(root, "id", required: true, Problem);
        var expected = Path.GetFileNameWithoutExtension(fileName);
        if (id is not null && !string.Equals(id, expected, StringComparison.Ordinal))
        {
            Problem(Value(root, "id"), $"id '{id}' does not match the file name: name the file {id}.yaml or set id: {expected}.");
        }

        var title = Scalar(root, "title", required: true, Problem);
        var description = Scalar(root, "description", required: false, Problem) ?? "";
        var types = Types(root, Problem);
        var (min, max) = Severity(root, Problem);
        var tasks = Phases(root, Problem);

        if (problems.Count > 0 || id is null || title is null)
        {
            return (null, problems);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
        return (new ResponsePlan(id, title, description.Trim(), types, min, max, tasks, $"{Path.GetFileName(fileName)}@{hash}"), problems);
    }

    private List<PlanTask> Phases(YamlMappingNode root, Action<YamlNode?, string> problem)
    {
        var tasks = new List<PlanTask>();
        if (Value(root, "phases") is not { } phasesNode)
        {
            problem(root, "missing required field 'phases' (detect, assess, respond, recover, review, each a list of tasks).");
            return tasks;
        }

        if (phasesNode is not YamlMappingNode phases)
        {
            problem(phasesNode, "'phases' maps a phase (detect, assess, respond, recover, review) to its list of tasks.");
            return tasks;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var written = 0;
        foreach (var (keyNode, listNode) in phases.Children)
        {
            var phase = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!PlanPhases.IsKnown(phase))
            {
                // Its tasks are still checked, so one pass shows every problem.
                problem(keyNode, $"unknown phase '{phase}': use {string.Join(", ", PlanPhases.All)}.");
            }

            if (listNode is not YamlSequenceNode list)
            {
                problem(listNode, $"phase '{phase}' is a list of tasks (each starting with '- id:').");
                continue;
            }

            foreach (var item in list.Children)
            {
                written++;
                if (item is not YamlMappingNode task)
                {
                    problem(item, "a task is a mapping with id, text and owner.");
                    continue;
                }

                if (Task(task, phase, problem) is not { } parsed)
                {
                    continue;
                }

                if (seen.TryGetValue(parsed.Id, out var firstLine))
                {
                    problem(Value(task, "id"), $"duplicate task id '{parsed.Id}' (first used on line {firstLine}); task ids are unique within a plan.");
                    continue;
                }

                seen[parsed.Id] = (int)task.Start.Line;
                tasks.Add(parsed);
            }
        }

        if (written == 0)
        {
            problem(phasesNode, "a plan has at least one task.");
        }

        return tasks;
    }

    private PlanTask? Task(YamlMappingNode task, string phase, Action<YamlNode?, string> problem)
    {
        var failed = false;
        void Problem(YamlNode? at, string message)
        {
            failed = true;
            problem(at, message);
        }

        UnknownFields(task, TaskFields, "task", Problem);
        var id = Scalar(task, "id", required: true, Problem);
        var text = Scalar(task, "text", required: true, Problem);
        var owner = Scalar(task, "owner", required: true, Problem);
        if (owner is not null && !roles.Contains(owner, StringComparer.OrdinalIgnoreCase))
        {
            Problem(Value(task, "owner"), $"unknown role '{owner}': use one of {string.Join(", ", roles)} (Incidents:Roles).");
        }

        int? due = null;
        if (Scalar(task, "due", required: false, Problem) is { } dueText)
        {
            due = PlanDuration.TryParseMinutes(dueText);
            if (due is null)
            {
                Problem(Value(task, "due"), $"bad duration '{dueText}': write minutes, hours or days like 15m, 2h, 1h30m or 1d (at most 30d).");
            }
        }

        var dueFrom = Scalar(task, "due_from", required: false, Problem) ?? PlanDueFrom.Declared;
        if (dueFrom is not (PlanDueFrom.Declared or PlanDueFrom.Phase))
        {
            Problem(Value(task, "due_from"), $"due_from is '{PlanDueFrom.Declared}' (the default) or '{PlanDueFrom.Phase}', not '{dueFrom}'.");
        }

        var required = false;
        if (Scalar(task, "required", required: false, Problem) is { } requiredText && !bool.TryParse(requiredText, out required))
        {
            Problem(Value(task, "required"), $"required is true or false, not '{requiredText}'.");
        }

        var runbook = Scalar(task, "runbook", required: false, Problem);
        if (runbook is not null && !(Uri.TryCreate(runbook, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            Problem(Value(task, "runbook"), $"runbook '{runbook}' is not an http(s) link.");
        }

        var auto = Automation(task, Problem);
        return failed || id is null || text is null || owner is null
            ? null
            : new PlanTask(id, phase, text.Trim(), owner.ToLowerInvariant(), due, dueFrom, required, runbook, auto);
    }

    private PlanAutomation? Automation(YamlMappingNode task, Action<YamlNode?, string> problem)
    {
        if (Value(task, "auto") is not { } node)
        {
            return null;
        }

        var step = node is YamlMappingNode { Children.Count: 1 } map ? map.Children.First() : default;
        if (step.Key is not YamlScalarNode { Value: { } kind } k || step.Value is not YamlScalarNode { Value: { Length: > 0 } arg } v)
        {
            problem(node, $"auto is one step: {{page: <role>}}, {{update: <text>}}, {{oncall: <role>}} or {{clock: <name>}}.");
            return null;
        }

        if (!PlanAutomation.Kinds.Contains(kind))
        {
            problem(k, $"unknown automatic step '{kind}': use {string.Join(", ", PlanAutomation.Kinds)}.");
            return null;
        }

        if (kind is PlanAutomation.Page or PlanAutomation.OnCall)
        {
            if (!roles.Contains(arg, StringComparer.OrdinalIgnoreCase))
            {
                problem(v, $"unknown role '{arg}': use one of {string.Join(", ", roles)} (Incidents:Roles).");
                return null;
            }

            return new PlanAutomation(kind, arg.ToLowerInvariant(), null);
        }

        if (kind is PlanAutomation.Clock && regimes is not null && !regimes.Contains(arg.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            problem(v, $"unknown compliance regime '{arg.Trim()}': a clock step starts a regime's clocks as `regulated <regime>` does; use one of {string.Join(", ", regimes)} (Compliance:Regimes).");
            return null;
        }

        if (kind is PlanAutomation.Update && PlanTemplate.Unknown(arg) is { } unknown)
        {
            problem(v, $"unknown placeholder '{{{unknown}}}' in the update: use {string.Join(", ", PlanTemplate.Placeholders.Select(p => "{" + p + "}"))}.");
            return null;
        }

        return new PlanAutomation(kind, null, arg.Trim());
    }

    private static IReadOnlyList<string> Types(YamlMappingNode root, Action<YamlNode?, string> problem)
    {
        switch (Value(root, "types"))
        {
            case null:
                return [];
            case YamlSequenceNode list:
                var types = new List<string>();
                foreach (var item in list.Children)
                {
                    if (item is YamlScalarNode { Value: { } t } && IsTypeName(t))
                    {
                        types.Add(t.ToLowerInvariant());
                    }
                    else
                    {
                        problem(item, $"a type is one word of letters, digits and dashes, like service-outage.");
                    }
                }

                return types;
            case var other:
                problem(other, "types is a list, like [outage, service-outage].");
                return [];
        }
    }

    internal static bool IsTypeName(string text) =>
        text.Length is > 0 and <= 40 && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && char.IsAsciiLetter(text[0]);

    private static (int? Min, int? Max) Severity(YamlMappingNode root, Action<YamlNode?, string> problem)
    {
        if (Value(root, "severity") is not { } node)
        {
            return (null, null);
        }

        if (node is not YamlMappingNode map)
        {
            problem(node, "severity is a range, like {min: 1, max: 2} (1 is the most severe).");
            return (null, null);
        }

        UnknownFields(map, SeverityFields, "severity", problem);
        int? Level(string key)
        {
            if (Value(map, key) is not { } v)
            {
                return null;
            }

            if (v is YamlScalarNode { Value: { } s } && int.TryParse(s.TrimStart('s', 'S', 'e', 'E', 'v', 'V'), out var n) && n is >= 1 and <= 9)
            {
                return n;
            }

            problem(v, $"severity {key} is a level from 1 to 9 (1 is the most severe).");
            return null;
        }

        var (min, max) = (Level("min"), Level("max"));
        if (min is { } a && max is { } b && a > b)
        {
            problem(map, $"severity min ({a}) is more severe than max ({b}): write the smaller number as min.");
        }

        return (min, max);
    }

    private static void UnknownFields(YamlMappingNode map, string[] known, string what, Action<YamlNode?, string> problem)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                problem(key, $"unknown {what} field '{name}': a {what} has {string.Join(", ", known)}.");
            }
        }
    }

    private static YamlNode? Value(YamlMappingNode map, string key) =>
        map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: var k } && k == key).Value;

    private static string? Scalar(YamlMappingNode map, string key, bool required, Action<YamlNode?, string> problem)
    {
        switch (Value(map, key))
        {
            case null:
                if (required)
                {
                    problem(map, $"missing required field '{key}'.");
                }

                return null;
            case YamlScalarNode { Value: { } v } when !string.IsNullOrWhiteSpace(v):
                return v.Trim();
            case YamlScalarNode s:
                if (required)
                {
                    problem(s, $"required field '{key}' is empty.");
                }

                return null;
            case var other:
                problem(other, $"'{key}' is a single value, not a list or mapping.");
                return null;
        }
    }
}
