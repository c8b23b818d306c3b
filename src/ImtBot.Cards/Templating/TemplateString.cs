using System.Text;

namespace ImtBot.Cards.Templating;

/// <summary>
/// A template string holding at least one <c>${…}</c>. A string that is exactly one expression keeps the value's
/// JSON type; otherwise the parts are concatenated as text (an undefined path stays as <c>${path}</c>).
/// </summary>
internal sealed class TemplateString
{
    private readonly IReadOnlyList<object> parts; // string literals and Expr

    private TemplateString(IReadOnlyList<object> parts) => this.parts = parts;

    // A lone constant (${3}, ${'a'}) is still text in the official engine.
    public bool IsSingle => parts.Count == 1 && parts[0] is Expr and not ConstExpr;

    public static bool HasExpression(string s) => s.Contains("${", StringComparison.Ordinal);

    public static TemplateString Parse(string s)
    {
        if (s.Contains('`', StringComparison.Ordinal))
        {
            throw new CardTemplateException($"a backtick is not allowed in a template string (the official engine rejects it): {s}");
        }

        var parts = new List<object>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < s.Length)
        {
            if (s[i] == '$' && i + 1 < s.Length && s[i + 1] == '{')
            {
                var end = FindClose(s, i + 2);
                if (literal.Length > 0)
                {
                    parts.Add(literal.ToString());
                    literal.Clear();
                }

                parts.Add(ExpressionParser.Parse(s[(i + 2)..end]));
                i = end + 1;
            }
            else
            {
                literal.Append(s[i]);
                i++;
            }
        }

        if (literal.Length > 0)
        {
            parts.Add(literal.ToString());
        }

        return new TemplateString(parts);
    }

    /// <summary>Evaluates as the official engine does; <see cref="Undefined"/> means "leave the property out".</summary>
    public object? Evaluate(Scope scope)
    {
        if (IsSingle)
        {
            var expr = (Expr)parts[0];
            var (value, error) = ExpressionEvaluator.Evaluate(expr, scope, substitute: true);
            return error ? throw new CardTemplateException($"the expression ${{{expr}}} cannot be evaluated with this data") : value;
        }

        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            if (part is string text)
            {
                sb.Append(text);
                continue;
            }

            var expr = (Expr)part;
            var (value, error) = ExpressionEvaluator.Evaluate(expr, scope, substitute: true);
            sb.Append(error ? "${" + expr + "}" : value is null or Undefined
                ? throw new CardTemplateException($"the expression ${{{expr}}} is null inside a text (the official engine fails on that too)")
                : JsValues.ToJsString(value));
        }

        return sb.ToString();
    }

    /// <summary><c>$when</c>: kept only when the expression evaluates (without substitution) to exactly <c>true</c>.</summary>
    public bool EvaluateCondition(Scope scope)
    {
        if (!IsSingle)
        {
            return false;
        }

        var (value, error) = ExpressionEvaluator.Evaluate((Expr)parts[0], scope, substitute: false);
        return !error && value is true;
    }

    private static int FindClose(string s, int from)
    {
        char? quote = null;
        for (var i = from; i < s.Length; i++)
        {
            var c = s[i];
            if (quote is not null)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '}')
            {
                return i;
            }
        }

        throw new CardTemplateException($"'${{' without a closing '}}' in the template string: {s}");
    }
}
