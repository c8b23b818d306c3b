namespace ImtBot.Core.Commands;

/// <summary><c>declare &lt;title&gt; [sev1..sev4] [drill] [private] [type &lt;name&gt;] [question=answer …]</c>; a null severity takes the configured default; an empty title asks for the declare form.</summary>
public sealed record DeclareCommand(string Title, int? Severity, bool Drill) : Command
{
    /// <summary>
    /// The incident type (<c>declare … type &lt;name&gt;</c>), which picks the response plan; null: <c>default</c>.
    /// Anything that declares (a drill scenario, an alert route) sets it the same way.
    /// </summary>
    public string? Type { get; init; }

    /// <summary><c>declare … private</c>: visible only to its participants and admins (see <see cref="Events.IncidentDeclared.Private"/>).</summary>
    public bool Private { get; init; }

    /// <summary>
    /// The assessment's answers (<c>declare … customers=many data=yes</c>), question id → answer; null: not assessed.
    /// With answers and no severity the severity matrix's suggestion is taken; a severity given overrides it.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Answers { get; init; }
}
