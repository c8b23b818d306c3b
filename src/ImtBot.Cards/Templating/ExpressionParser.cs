using System.Globalization;
using System.Text;

namespace ImtBot.Cards.Templating;

/// <summary>
/// Parses the subset of Adaptive Expressions the binder evaluates: paths (<c>a.b</c>, <c>$root</c>, <c>$data</c>,
/// <c>$index</c>), string/number/boolean/null literals, <c>!</c>, <c>==</c>, <c>!=</c>, <c>&amp;&amp;</c>, <c>||</c>,
/// parentheses and function calls. Anything else is a <see cref="CardTemplateException"/> when the template loads.
/// </summary>
internal sealed class ExpressionParser
{
    /// <summary>The functions the binder evaluates, with their arity.</summary>
    private static readonly Dictionary<string, (int Min, int Max)> Functions = new(StringComparer.Ordinal)
    {
        ["if"] = (3, 3),
        ["count"] = (1, 1),
        ["length"] = (1, 1),
        ["join"] = (2, 3),
        ["empty"] = (1, 1),
        ["not"] = (1, 1),
        ["equals"] = (2, 2),
    };

    private readonly string text;
    private int pos;

    private ExpressionParser(string text) => this.text = text;

    public static Expr Parse(string text)
    {
        var parser = new ExpressionParser(text);
        var expr = parser.ParseOr();
        parser.SkipSpace();
        if (parser.pos != text.Length)
        {
            throw parser.Error("unexpected text");
        }

        return expr;
    }

    private Expr ParseOr()
    {
        var left = ParseAnd();
        while (TryOperator("||"))
        {
            left = new CallExpr("||", [left, ParseAnd()]);
        }

        return left;
    }

    private Expr ParseAnd()
    {
        var left = ParseEquality();
        while (TryOperator("&&"))
        {
            left = new CallExpr("&&", [left, ParseEquality()]);
        }

        return left;
    }

    private Expr ParseEquality()
    {
        var left = ParseUnary();
        while (true)
        {
            if (TryOperator("=="))
            {
                left = new CallExpr("==", [left, ParseUnary()]);
            }
            else if (TryOperator("!="))
            {
                left = new CallExpr("!=", [left, ParseUnary()]);
            }
            else
            {
                SkipSpace();
                if (pos < text.Length && "<>+-*/%^".Contains(text[pos], StringComparison.Ordinal))
                {
                    throw Error($"the operator '{text[pos]}' is not supported by ImtBot's binder");
                }

                return left;
            }
        }
    }

    private Expr ParseUnary()
    {
        SkipSpace();
        if (pos < text.Length && text[pos] == '!' && !At("!="))
        {
            pos++;
            return new CallExpr("!", [ParseUnary()]);
        }

        return ParsePrimary();
    }

    private Expr ParsePrimary()
    {
        SkipSpace();
        if (pos >= text.Length)
        {
            throw Error("expression ends too early");
        }

        var c = text[pos];
        if (c == '(')
        {
            pos++;
            var inner = ParseOr();
            Expect(')');
            return inner;
        }

        if (c is '\'' or '"')
        {
            return new ConstExpr(ReadString(c));
        }

        if (char.IsAsciiDigit(c))
        {
            var start = pos;
            while (pos < text.Length && (char.IsAsciiDigit(text[pos]) || text[pos] == '.'))
            {
                pos++;
            }

            return new ConstExpr(double.Parse(text.AsSpan(start, pos - start), CultureInfo.InvariantCulture));
        }

        var name = ReadIdentifier();
        SkipSpace();
        if (pos < text.Length && text[pos] == '(')
        {
            pos++;
            var args = ReadArguments();
            if (!Functions.TryGetValue(name, out var arity) || args.Count < arity.Min || args.Count > arity.Max)
            {
                throw Error($"the function {name}() with {args.Count} argument(s) is not supported by ImtBot's binder (supported: {string.Join(", ", Functions.Keys)})");
            }

            return new CallExpr(name, args);
        }

        switch (name)
        {
            case "true": return new ConstExpr(true);
            case "false": return new ConstExpr(false);
            case "null": return new ConstExpr(null);
        }

        var segments = new List<string> { name };
        while (pos < text.Length && text[pos] == '.')
        {
            pos++;
            segments.Add(ReadIdentifier());
        }

        if (pos < text.Length && text[pos] == '[')
        {
            throw Error("indexing with [] is not supported by ImtBot's binder");
        }

        return new PathExpr(segments);
    }

    private List<Expr> ReadArguments()
    {
        var args = new List<Expr>();
        SkipSpace();
        if (pos < text.Length && text[pos] == ')')
        {
            pos++;
            return args;
        }

        while (true)
        {
            args.Add(ParseOr());
            SkipSpace();
            if (pos < text.Length && text[pos] == ',')
            {
                pos++;
                continue;
            }

            Expect(')');
            return args;
        }
    }

    private string ReadIdentifier()
    {
        var start = pos;
        while (pos < text.Length && (char.IsAsciiLetterOrDigit(text[pos]) || text[pos] is '_' or '$' or '@' or '#'))
        {
            pos++;
        }

        if (pos == start)
        {
            throw Error("a name or value is expected");
        }

        return text[start..pos];
    }

    private string ReadString(char quote)
    {
        pos++;
        var sb = new StringBuilder();
        while (pos < text.Length && text[pos] != quote)
        {
            if (text[pos] == '\\' && pos + 1 < text.Length)
            {
                pos++;
                sb.Append(text[pos] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', var other => other });
            }
            else
            {
                sb.Append(text[pos]);
            }

            pos++;
        }

        Expect(quote);
        return sb.ToString();
    }

    private bool TryOperator(string op)
    {
        SkipSpace();
        if (!At(op))
        {
            return false;
        }

        pos += op.Length;
        return true;
    }

    private bool At(string s) => string.CompareOrdinal(text, pos, s, 0, s.Length) == 0;

    private void Expect(char c)
    {
        SkipSpace();
        if (pos >= text.Length || text[pos] != c)
        {
            throw Error($"'{c}' expected");
        }

        pos++;
    }

    private void SkipSpace()
    {
        while (pos < text.Length && char.IsWhiteSpace(text[pos]))
        {
            pos++;
        }
    }

    private CardTemplateException Error(string what) => new($"{what} at position {pos} in the expression '{text}'");
}
