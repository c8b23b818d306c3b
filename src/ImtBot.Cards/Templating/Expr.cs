namespace ImtBot.Cards.Templating;

/// <summary>A parsed Adaptive Expression (the subset the binder supports). <see cref="ToString"/> prints it as the official engine does.</summary>
internal abstract record Expr;

/// <summary><c>x.y</c>, <c>$root.x</c>, <c>$data</c>, <c>$index</c>.</summary>
internal sealed record PathExpr(IReadOnlyList<string> Segments) : Expr
{
    public override string ToString() => string.Join('.', Segments);
}

/// <summary>A literal: a string, a number (double), <c>true</c>, <c>false</c> or <c>null</c>.</summary>
internal sealed record ConstExpr(object? Value) : Expr
{
    public override string ToString() => Value switch
    {
        null => "null",
        string s => "'" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'",
        _ => JsValues.ToJsString(Value),
    };
}

/// <summary>A function or operator applied to arguments: <c>count(x)</c>, <c>!x</c>, <c>a == b</c>.</summary>
internal sealed record CallExpr(string Name, IReadOnlyList<Expr> Args) : Expr
{
    public override string ToString()
    {
        var isOperator = !char.IsLetter(Name[0]) && Args.Count >= 2;
        var parts = Args.Select(a => a.ToString());
        return isOperator ? "(" + string.Join(" " + Name + " ", parts) + ")" : Name + "(" + string.Join(", ", parts) + ")";
    }
}
