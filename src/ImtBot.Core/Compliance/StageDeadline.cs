namespace ImtBot.Core.Compliance;

/// <summary>A stage's deadline and the start it was counted from (the one that gives the earlier deadline).</summary>
public sealed record StageDeadline(DateTimeOffset Started, DateTimeOffset Due, string Basis)
{
    /// <summary>
    /// The deadline of one stage of a regime given the starts known so far (<paramref name="startOf"/> answers
    /// <c>aware</c>, <c>classified</c>, <c>material</c> or a stage id with its time, or null while unknown). Null while
    /// neither of the stage's starts is known (the clock has not started).
    /// </summary>
    public static StageDeadline? Of(RegimeDefinition regime, StageDefinition stage, Func<string, DateTimeOffset?> startOf)
    {
        var calendar = regime.Calendar();
        string Name(string id) => regime.Stage(id)?.Name ?? id;
        StageDeadline? primary = startOf(stage.After) is { } from
            ? new StageDeadline(from, Deadlines.Add(from, Period.Parse(stage.Within), calendar), $"{Period.Parse(stage.Within).Describe()} after {ClockStarts.Describe(stage.After, Name)}")
            : null;
        StageDeadline? cap = stage.NotLaterThan is { } limit && stage.NotLaterThanAfter is { } capAfter && startOf(capAfter) is { } capFrom
            ? new StageDeadline(capFrom, Deadlines.Add(capFrom, Period.Parse(limit), calendar), $"{Period.Parse(limit).Describe()} after {ClockStarts.Describe(capAfter, Name)}")
            : null;
        return (primary, cap) switch
        {
            ({ } a, { } b) => a.Due <= b.Due ? a : b,
            ({ } a, null) => a,
            (null, { } b) => b,
            _ => null,
        };
    }
}
