namespace ImtBot.Plans;

/// <summary>One thing wrong with a plan file: where (file and 1-based line) and what would work.</summary>
public sealed record PlanProblem(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}
