using System.Globalization;

namespace ImtBot.Core.Alerts;

/// <summary>
/// What a route does with an alert: <c>page &lt;role&gt;</c>, <c>declare &lt;severity&gt; [type &lt;t&gt;]</c>, or
/// <c>attach</c> (to the open incident with the same grouping key).
/// </summary>
public abstract record AlertAction
{
    /// <summary>The action in the words of the setting, e.g. <c>declare sev2 type database</c>.</summary>
    public abstract string Text { get; }

    /// <summary>Parses a route's <c>Action</c> setting; null with the problem when it is not one of the three forms.</summary>
    public static AlertAction? Parse(string? text, out string? problem)
    {
        problem = null;
        var words = (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        switch (words)
        {
            case ["page", var role] when IsWord(role):
                return new PageAction(role.ToLowerInvariant());
            case ["attach"]:
                return new AttachAction();
            case ["declare", var sev]:
                return ParseSeverity(sev) is { } s ? new DeclareAction(s, null) : Bad(text, out problem);
            case ["declare", var sev, "type", var type] when IsWord(type):
                return ParseSeverity(sev) is { } t ? new DeclareAction(t, type.ToLowerInvariant()) : Bad(text, out problem);
            default:
                return Bad(text, out problem);
        }
    }

    /// <summary><c>sev2</c> or <c>2</c>.</summary>
    internal static int? ParseSeverity(string text)
    {
        var digits = text.StartsWith("sev", StringComparison.OrdinalIgnoreCase) ? text[3..] : text;
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and < 100 ? n : null;
    }

    private static bool IsWord(string s) => s.Length is > 0 and <= 40 && s.All(c => char.IsLetterOrDigit(c) || c is '-' or '_');

    private static AlertAction? Bad(string? text, out string problem)
    {
        problem = $"\"{text}\" is not an action: use `page <role>`, `declare <sev1..sev4> [type <type>]` or `attach`.";
        return null;
    }
}

/// <summary>Page the role's on-call list with the alert.</summary>
public sealed record PageAction(string Role) : AlertAction
{
    public override string Text => "page " + Role;
}

/// <summary>Declare an incident of this severity (and type, once incident types exist) and page as the severity says.</summary>
public sealed record DeclareAction(int Severity, string? Type) : AlertAction
{
    public override string Text => $"declare sev{Severity.ToString(CultureInfo.InvariantCulture)}" + (Type is null ? "" : " type " + Type);
}

/// <summary>Add the alert to the open incident with the same grouping key (and page the default role when there is none).</summary>
public sealed record AttachAction : AlertAction
{
    public override string Text => "attach";
}
