using System.Text.Json.Nodes;

namespace ImtBot.Cards.Templating;

/// <summary>
/// Evaluates an <see cref="Expr"/> with the official engine's rules. <c>substitute</c> is the engine's
/// "null substitution": an undefined path becomes the text <c>${path}</c>; logic and comparison functions always
/// evaluate their arguments without it. A failed evaluation returns <c>Error = true</c> (the caller decides).
/// </summary>
internal static class ExpressionEvaluator
{
    public static (object? Value, bool Error) Evaluate(Expr expr, Scope scope, bool substitute) => expr switch
    {
        ConstExpr c => (c.Value, false),
        PathExpr p => (Resolve(p, scope) is Undefined && substitute ? "${" + p + "}" : Resolve(p, scope), false),
        CallExpr call => Call(call, scope, substitute),
        _ => (null, true),
    };

    private static object? Resolve(PathExpr path, Scope scope)
    {
        var first = path.Segments[0];
        object? current = first switch
        {
            "$root" => scope.Root,
            "$data" => scope.Data,
            "$index" => scope.Index ?? Undefined.Value,
            _ => Member(scope.Data, first),
        };
        for (var i = 1; i < path.Segments.Count; i++)
        {
            current = Member(current, path.Segments[i]);
        }

        return current;
    }

    private static object? Member(object? target, string name) =>
        target is JsonObject o && o.TryGetPropertyValue(name, out var node) ? JsValues.FromNode(node) : Undefined.Value;

    private static (object? Value, bool Error) Call(CallExpr call, Scope scope, bool substitute)
    {
        var args = call.Args;
        switch (call.Name)
        {
            case "!" or "not" when args.Count == 1:
            {
                var (v, err) = Evaluate(args[0], scope, false);
                return (err || !JsValues.IsLogicTrue(v), false);
            }

            case "&&":
                foreach (var a in args)
                {
                    var (v, err) = Evaluate(a, scope, false);
                    if (err || !JsValues.IsLogicTrue(v))
                    {
                        return (false, false);
                    }
                }

                return (true, false);

            case "||":
            {
                object? last = false;
                foreach (var a in args)
                {
                    var (v, err) = Evaluate(a, scope, false);
                    last = err ? Undefined.Value : v;
                    if (!err && JsValues.IsLogicTrue(v))
                    {
                        return (true, false);
                    }
                }

                return (last, false);
            }

            case "==" or "equals" when args.Count == 2:
                return Compare(args, scope, (a, b) => JsValues.CommonEquals(a, b));

            case "!=" when args.Count == 2:
                return Compare(args, scope, (a, b) => !JsValues.CommonEquals(a, b));

            case "empty" when args.Count == 1:
            {
                var (v, err) = Evaluate(args[0], scope, false);
                return (!err && v switch
                {
                    null or Undefined => true,
                    string s => s.Length == 0,
                    JsonArray a => a.Count == 0,
                    JsonObject o => o.Count == 0,
                    _ => false,
                }, false);
            }

            case "if" when args.Count == 3:
            {
                var (c, err) = Evaluate(args[0], scope, false);
                return Evaluate(!err && JsValues.IsLogicTrue(c) ? args[1] : args[2], scope, substitute);
            }

            case "count" when args.Count == 1:
            {
                var (v, err) = Evaluate(args[0], scope, substitute);
                return err ? (null, true) : v switch
                {
                    string s => ((double)s.Length, false),
                    JsonArray a => ((double)a.Count, false),
                    JsonObject o => ((double)o.Count, false),
                    _ => (null, true),
                };
            }

            case "length" when args.Count == 1:
            {
                var (v, err) = Evaluate(args[0], scope, substitute);
                return err ? (null, true) : v switch
                {
                    string s => ((double)s.Length, false),
                    Undefined => (0d, false),
                    _ => (null, true),
                };
            }

            case "join" when args.Count is 2 or 3:
                return Join(args, scope, substitute);

            default:
                return (null, true);
        }
    }

    private static (object? Value, bool Error) Compare(IReadOnlyList<Expr> args, Scope scope, Func<object?, object?, bool> test)
    {
        var (a, errA) = Evaluate(args[0], scope, false);
        if (errA)
        {
            return (false, false);
        }

        var (b, errB) = Evaluate(args[1], scope, false);
        return (!errB && test(a, b), false);
    }

    private static (object? Value, bool Error) Join(IReadOnlyList<Expr> args, Scope scope, bool substitute)
    {
        var values = new List<object?>();
        foreach (var a in args)
        {
            var (v, err) = Evaluate(a, scope, substitute);
            if (err)
            {
                return (null, true);
            }

            values.Add(v);
        }

        if (values[0] is not JsonArray list || values.Skip(1).Any(v => v is not string))
        {
            return (null, true);
        }

        var items = list.Select(i => i is null ? "" : JsValues.ToJsString(JsValues.FromNode(i))).ToList();
        var separator = (string)values[1]!;
        if (values.Count == 2 || items.Count < 3)
        {
            return (string.Join(values.Count == 2 ? separator : (string)values[2]!, items), false);
        }

        return (string.Join(separator, items.Take(items.Count - 1)) + (string)values[2]! + items[^1], false);
    }
}
