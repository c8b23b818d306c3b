namespace ImtBot.Core.Assessment;

/// <summary>
/// A row of the severity matrix (<c>Incidents:Assessment:Matrix</c>): when every answer in <see cref="When"/> was given,
/// the matrix suggests <see cref="Severity"/>. Of all rows that hold, the most severe wins.
/// </summary>
public sealed class SeverityRule
{
    /// <summary>Question id → answer, e.g. <c>{"data": "yes"}</c>; all must hold.</summary>
    public Dictionary<string, string> When { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The suggested severity: <c>SEV1</c>…, as the <c>Incidents:Policies</c> keys name them.</summary>
    public string Severity { get; set; } = "";
}
