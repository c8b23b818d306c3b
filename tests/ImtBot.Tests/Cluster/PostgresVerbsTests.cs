using ImtBot.Hosting;
using ImtBot.Storage.Tests.Postgres;
using ImtBot.Tests.Infrastructure;
using Npgsql;

namespace ImtBot.Tests.Cluster;

/// <summary>The operations verbs against a PostgreSQL store: verify reads every chain there; backup and reset point to PostgreSQL's own tools.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresVerbsTests(PostgresServer server)
{
    [Fact]
    public async Task Verify_EventAlteredInTheDatabase_ReportsThatIncidentBrokenWithExit2()
    {
        var database = server.CreateDatabase("verbs");
        string[] storage = [$"--Storage:Provider=PostgreSQL", $"--Storage:ConnectionString={database}"];
        await using (var host = await TestHost.StartAsync(settings: [storage[0][2..], storage[1][2..]]))
        {
            await host.SayAsync("alice", "general", "/incident declare Login failing sev2");
            await host.SayAsync("alice", "general", "/incident declare Search slow sev3");
        }

        var (code, output, _) = await RunAsync(["verify", .. storage]);
        Assert.Equal(CliVerbs.Ok, code);
        Assert.Contains("2 incidents verified, 0 broken.", output, StringComparison.Ordinal);

        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var tamper = new NpgsqlCommand("UPDATE events SET data = replace(data, 'Search slow', 'Search fine') WHERE incident = 2 AND seq = 1", connection);
            Assert.Equal(1, await tamper.ExecuteNonQueryAsync());
        }

        var (broken, after, errors) = await RunAsync(["verify", .. storage]);
        Assert.Equal(CliVerbs.Broken, broken);
        Assert.Contains("INC-1: valid", after, StringComparison.Ordinal);
        Assert.Contains("INC-2: BROKEN at sequence 1", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("backup", "pg_dump")]
    [InlineData("reset", "dropdb")]
    public async Task LiteDbOnlyVerb_OnPostgreSQL_RefusedWithWhatToUseInstead(string verb, string instead)
    {
        var database = server.CreateDatabase("verbs");
        string[] args = verb == "backup"
            ? ["backup", "out/imtbot.db", "--Storage:Provider=PostgreSQL", $"--Storage:ConnectionString={database}"]
            : ["reset", "--yes", "--Storage:Provider=PostgreSQL", $"--Storage:ConnectionString={database}"];

        var (code, _, errors) = await RunAsync(args);

        Assert.Equal(CliVerbs.Usage, code);
        Assert.Contains(instead, errors, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Errors)> RunAsync(string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliVerbs.TryRunAsync(args, stdout, stderr);
        return (code ?? -1, stdout.ToString(), stderr.ToString());
    }
}
