using System.Globalization;
using System.Text.RegularExpressions;
using ImtBot.Core.Drills;
using ImtBot.Core.Plans;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ImtBot.Drills;

/// <summary>
/// Reads one drill scenario file (YAML) into a <see cref="DrillScenario"/>, collecting every problem with the file
/// and line it is on (<c>drills/ddos.yaml:14: …</c>) instead of stopping at the first. The README's "Running a drill"
/// describes the format.
/// </summary>
internal sealed partial class ScenarioFile
{
    private static readonly string[] TopKeys = ["id", "title", "type", "severity", "summary", "objectives", "injects", "expected"];
    private static readonly string[] InjectKeys = ["at", "when", "after", "from", "message", "note"];
    private static readonly string[] ExpectedKeys = ["id", "what", "within", "weight", "description", "after-inject"];

    private readonly string _name;
    private readonly List<string> _problems;

    private readonly PlanCatalog? _plans;
    private string? _type;
    private int _severity;

    private ScenarioFile(string name, List<string> problems, PlanCatalog? plans) => (_name, _problems, _plans) = (name, problems, plans);

    /// <summary>The scenario, or null when the file has problems (added to <paramref name="problems"/>).</summary>
    /// <param name="name">How problems name the file.</param>
    /// <param name="plans">The response plans, to check that a <c>task &lt;id&gt;</c> names a task of the plan the scenario's type runs; null: not checked.</param>
    public static DrillScenario? Read(string name, string yaml, List<string> problems, PlanCatalog? plans = null)
    {
        var before = problems.Count;
        var reader = new ScenarioFile(name, problems, plans);
        var scenario = reader.Parse(yaml);
        return problems.Count == before ? scenario : null;
    }

    private DrillScenario? Parse(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            Problem(e.Start, "is not valid YAML: " + e.Message);
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            _problems.Add($"{_name}:1: a scenario is a mapping with {string.Join(", ", TopKeys)}.");
            return null;
        }

        Unknown(root, TopKeys, "a scenario");
        var id = Text(root, "id", required: true);
        if (id is not null && !IdPattern().IsMatch(id))
        {
            Problem(Node(root, "id")!.Start, $"id \"{id}\" must be lower-case letters, digits and hyphens (it is typed: `drill {id}`).");
        }

        var title = Text(root, "title", required: true);
        var summary = Text(root, "summary", required: true);
        var type = _type = Text(root, "type", required: false);
        var severity = _severity = Severity(root);
        var objectives = Objectives(root);
        var injects = Injects(root);
        var expected = Expected(root, injects.Count);
        return new DrillScenario(id ?? "", title ?? "", summary ?? "", objectives, severity, type, injects, expected);
    }

    private int Severity(YamlMappingNode root)
    {
        var text = Text(root, "severity", required: true);
        if (text is null)
        {
            return 0;
        }

        var digits = text.StartsWith("sev", StringComparison.OrdinalIgnoreCase) ? text[3..] : text;
        if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var level) && level is >= 1 and <= 4)
        {
            return level;
        }

        Problem(Node(root, "severity")!.Start, $"severity \"{text}\" must be 1, 2, 3 or 4.");
        return 0;
    }

    private List<string> Objectives(YamlMappingNode root)
    {
        var list = new List<string>();
        if (Sequence(root, "objectives", "objectives") is not { } items)
        {
            return list;
        }

        foreach (var item in items)
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } v } && v.Trim().Length > 0)
            {
                list.Add(v.Trim());
            }
            else
            {
                Problem(item.Start, "each objective is one line of text.");
            }
        }

        return list;
    }

    private List<DrillInject> Injects(YamlMappingNode root)
    {
        var list = new List<DrillInject>();
        if (Sequence(root, "injects", "injects") is not { } items)
        {
            return list;
        }

        foreach (var item in items)
        {
            var number = list.Count + 1;
            if (item is not YamlMappingNode m)
            {
                Problem(item.Start, $"inject {number} must be a mapping with from, message and at (or when).");
                list.Add(new DrillInject(number, "", "", TimeSpan.Zero, null, TimeSpan.Zero, null));
                continue;
            }

            Unknown(m, InjectKeys, $"inject {number}");
            var at = Duration(m, "at");
            var when = Milestone(m, "when");
            var after = Duration(m, "after");
            if ((Node(m, "at") is null) == (Node(m, "when") is null))
            {
                Problem(m.Start, $"inject {number} needs exactly one of `at` (an offset from the start, e.g. 10m) or `when` (e.g. status identified).");
            }

            if (Node(m, "after") is { } afterNode && Node(m, "when") is null)
            {
                Problem(afterNode.Start, $"inject {number}: `after` only goes with `when` (use `at` for an offset from the start).");
            }

            var from = Text(m, "from", required: true, what: $"inject {number}");
            var message = Text(m, "message", required: true, what: $"inject {number}");
            var note = Text(m, "note", required: false);
            list.Add(new DrillInject(number, from ?? "", message ?? "", Node(m, "at") is null ? null : at ?? TimeSpan.Zero, when, after ?? TimeSpan.Zero, note));
        }

        return list;
    }

    private List<ExpectedAction> Expected(YamlMappingNode root, int injects)
    {
        var list = new List<ExpectedAction>();
        if (Sequence(root, "expected", "expected actions") is not { } items)
        {
            return list;
        }

        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            var n = list.Count + 1;
            if (item is not YamlMappingNode m)
            {
                Problem(item.Start, $"expected action {n} must be a mapping with what, within and weight.");
                continue;
            }

            Unknown(m, ExpectedKeys, $"expected action {n}");
            var what = Milestone(m, "what", required: true, label: $"expected action {n}");
            var within = Duration(m, "within", required: true, label: $"expected action {n}");
            var weight = Number(m, "weight", 1, 1, 100);
            var fromInject = Node(m, "after-inject") is null ? (int?)null : Number(m, "after-inject", 1, 1, Math.Max(1, injects));
            var id = Text(m, "id", required: false) ?? what?.ToString().Replace(' ', '-') ?? n.ToString(CultureInfo.InvariantCulture);
            if (!ids.Add(id))
            {
                Problem(m.Start, $"expected action {n}: the id \"{id}\" is used twice in this file; give one an `id`.");
            }

            var description = Text(m, "description", required: false) ?? what?.ToString() ?? "";
            list.Add(new ExpectedAction(id, description, what ?? new DrillMilestone("", null), within ?? TimeSpan.Zero, weight, fromInject));
        }

        return list;
    }

    /// <summary>Why <c>task &lt;id&gt;</c> can never be reached: the plan the drill runs (by type and severity) has no such task.</summary>
    private string? PlanTaskProblem(string id)
    {
        var type = _type is not null && _plans!.IsKnownType(_type) ? _type : ResponsePlan.DefaultId;
        var plan = _plans!.For(type, _severity);
        return plan.Tasks.Any(t => string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase))
            ? null
            : $"the plan \"{plan.Id}\" (type {_type ?? ResponsePlan.DefaultId}, SEV{_severity.ToString(CultureInfo.InvariantCulture)}) has no task \"{id}\"; its tasks are {(plan.Tasks.Count == 0 ? "none" : string.Join(", ", plan.Tasks.Select(t => t.Id)))}.";
    }

    private YamlSequenceNode? Sequence(YamlMappingNode root, string key, string what)
    {
        switch (Node(root, key))
        {
            case null:
                _problems.Add($"{_name}:{root.Start.Line}: the scenario has no `{key}`; list at least one of its {what}.");
                return null;
            case YamlSequenceNode { Children.Count: > 0 } s:
                return s;
            case var other:
                Problem(other.Start, $"`{key}` must be a list with at least one item.");
                return null;
        }
    }

    private DrillMilestone? Milestone(YamlMappingNode m, string key, bool required = false, string? label = null)
    {
        var text = Text(m, key, required, label);
        if (text is null)
        {
            return null;
        }

        var milestone = DrillMilestone.Parse(text, out var problem);
        if (milestone is null)
        {
            Problem(Node(m, key)!.Start, $"{key}: {problem}.");
        }
        else if (milestone.Kind == DrillMilestone.Task && _plans is not null && PlanTaskProblem(milestone.Value!) is { } missing)
        {
            Problem(Node(m, key)!.Start, $"{key}: {missing}");
        }

        return milestone;
    }

    private TimeSpan? Duration(YamlMappingNode m, string key, bool required = false, string? label = null)
    {
        var text = Text(m, key, required, label);
        if (text is null)
        {
            return null;
        }

        var match = DurationPattern().Match(text.Replace(" ", "", StringComparison.Ordinal));
        if (match.Success && match.Groups.Cast<Group>().Skip(1).Any(g => g.Success))
        {
            var value = new TimeSpan(Part(match, "h"), Part(match, "m"), Part(match, "s"));
            if (value <= TimeSpan.FromDays(1) && (value > TimeSpan.Zero || key != "within"))
            {
                return value;
            }
        }

        Problem(Node(m, key)!.Start, $"{key} \"{text}\" must be a time like 90s, 10m, 1h or 1h30m{(key == "within" ? ", more than zero" : "")}, at most a day.");
        return null;
    }

    private static int Part(Match match, string group) =>
        match.Groups[group].Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;

    private int Number(YamlMappingNode m, string key, int fallback, int min, int max)
    {
        var text = Text(m, key, required: false);
        if (text is null)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }

        Problem(Node(m, key)!.Start, $"{key} \"{text}\" must be a whole number from {min} to {max}.");
        return fallback;
    }

    private string? Text(YamlMappingNode m, string key, bool required, string? what = null)
    {
        switch (Node(m, key))
        {
            case null when required:
                Problem(m.Start, $"{what ?? "the scenario"} has no `{key}`.");
                return null;
            case null:
                return null;
            case YamlScalarNode { Value: { } v } when v.Trim().Length > 0:
                return v.Trim();
            case var other:
                Problem(other.Start, $"`{key}` must be text, and not empty.");
                return null;
        }
    }

    private void Unknown(YamlMappingNode m, string[] known, string what)
    {
        foreach (var key in m.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } k } || !known.Contains(k))
            {
                Problem(key.Start, $"{what} has an unknown key `{key}`; the keys are {string.Join(", ", known)}.");
            }
        }
    }

    private static YamlNode? Node(YamlMappingNode m, string key) =>
        m.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: { } k } && k == key).Value;

    private void Problem(Mark at, string text) => _problems.Add($"{_name}:{at.Line}: {text}");

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^(?:(?<h>[0-9]{1,2})h)?(?:(?<m>[0-9]{1,4})m(?:in)?)?(?:(?<s>[0-9]{1,5})s)?$")]
    private static partial Regex DurationPattern();
}
