using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace ImtBot.Tests.Boundaries;

/// <summary>
/// The boundaries of docs/architecture.md, checked on the compiled assemblies: which project may reference which,
/// and that the domain does no I/O. A new reference that breaks a boundary fails here, not in review.
/// </summary>
public sealed class ProjectBoundaryTests
{
    private static readonly Assembly Core = typeof(global::ImtBot.Core.Incidents.IncidentService).Assembly;
    private static readonly Assembly Cards = typeof(global::ImtBot.Cards.IncidentCards).Assembly;
    private static readonly Assembly Storage = typeof(global::ImtBot.Storage.LiteIncidentStore).Assembly;
    private static readonly Assembly Postgres = typeof(global::ImtBot.Storage.Postgres.PostgresIncidentStore).Assembly;
    private static readonly Assembly Slack = typeof(global::ImtBot.Slack.Hosting.SlackOptions).Assembly;
    private static readonly Assembly Teams = typeof(global::ImtBot.Teams.TeamsOptions).Assembly;
    private static readonly Assembly Host = typeof(Program).Assembly;

    /// <summary>What each project may reference among ours (anything else of ours is a violation).</summary>
    public static TheoryData<string, string[]> Allowed => new()
    {
        { "ImtBot.Core", [] },
        { "ImtBot.Cards", ["ImtBot.Core"] },
        { "ImtBot.Storage", ["ImtBot.Core"] },
        { "ImtBot.Storage.Postgres", ["ImtBot.Core", "ImtBot.Storage"] },
        { "ImtBot.Slack", ["ImtBot.Core", "ImtBot.Cards"] },
        { "ImtBot.Teams", ["ImtBot.Core", "ImtBot.Cards"] },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Project_ReferencesOnlyWhatItMay(string project, string[] allowed)
    {
        var ours = References(Load(project)).Where(IsOurs).ToList();

        Assert.All(ours, name => Assert.Contains(name, allowed));
    }

    [Fact]
    public void Host_IsTheOnlyCompositionRoot_ReferencesEveryProject()
    {
        var ours = References(Host).Where(IsOurs).ToHashSet();

        Assert.Superset(ours, new HashSet<string> { "ImtBot.Core", "ImtBot.Cards", "ImtBot.Storage", "ImtBot.Storage.Postgres", "ImtBot.Slack", "ImtBot.Teams" });
    }

    [Fact]
    public void Core_ReferencesNoFrameworkForIo()
    {
        var forbidden = References(Core).Where(n =>
            n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
            || n.StartsWith("LiteDB", StringComparison.Ordinal)
            || n.StartsWith("Npgsql", StringComparison.Ordinal)
            || n.StartsWith("System.Net", StringComparison.Ordinal)
            || n.StartsWith("Polly", StringComparison.Ordinal)
            || n.StartsWith("Microsoft.Extensions.Http", StringComparison.Ordinal));

        Assert.Empty(forbidden);
    }

    [Fact]
    public void Core_UsesNoFileNetworkOrConsoleType()
    {
        // Assembly references alone miss System.IO.File (it lives in System.Runtime), so read the type references.
        string[] forbidden = ["System.IO.File", "System.IO.FileStream", "System.IO.FileInfo", "System.IO.Directory", "System.IO.DirectoryInfo",
            "System.Net.", "System.Console", "System.Diagnostics.Process", "System.Threading.Thread"];
        var used = TypeReferences(Core);

        Assert.DoesNotContain(used, t => forbidden.Any(f => f.EndsWith('.') ? t.StartsWith(f, StringComparison.Ordinal) : t == f));
    }

    [Fact]
    public void TypeReferences_FindsAFileTypeWhereOneIsUsed()
    {
        // The check above must be able to fail: Cards reads template files, so the same reader sees System.IO.File there.
        Assert.Contains("System.IO.File", TypeReferences(Cards));
    }

    private static bool IsOurs(string name) => name == "ImtBot" || name.StartsWith("ImtBot.", StringComparison.Ordinal);

    private static Assembly Load(string name) => new[] { Core, Cards, Storage, Postgres, Slack, Teams }.Single(a => a.GetName().Name == name);

    private static IEnumerable<string> References(Assembly assembly) => assembly.GetReferencedAssemblies().Select(a => a.Name ?? "");

    private static HashSet<string> TypeReferences(Assembly assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly.Location));
        var md = pe.GetMetadataReader();
        return md.TypeReferences.Select(h => md.GetTypeReference(h))
            .Select(t => md.GetString(t.Namespace) + "." + md.GetString(t.Name))
            .ToHashSet(StringComparer.Ordinal);
    }
}
