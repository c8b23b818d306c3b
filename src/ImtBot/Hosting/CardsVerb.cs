using ImtBot.Cards;
using ImtBot.Cards.Gallery;

namespace ImtBot.Hosting;

/// <summary><c>cards render --out &lt;dir&gt; [--templates &lt;dir&gt;]</c>: binds every template with sample incidents, for cardcheck and review.</summary>
internal static class CardsVerb
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args is not ["render", .. var rest] || Option(rest, "--out") is not { } outDir)
        {
            stderr.WriteLine("usage: imtbot cards render --out <dir> [--templates <dir>]");
            return CliVerbs.Usage;
        }

        var templates = Option(rest, "--templates") ?? CardOptions.BuiltInPath;
        var written = CardGallery.RenderAll(templates, outDir);
        stdout.WriteLine($"Rendered {written.Count} files from {templates} into {outDir}");
        return CliVerbs.Ok;
    }

    internal static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
