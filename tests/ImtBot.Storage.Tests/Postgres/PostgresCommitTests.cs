using ImtBot.Storage.Tests.Contract;
using ImtBot.Storage.Tests.Support;

namespace ImtBot.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresCommitTests(PostgresServer server) : CommitContract(new PostgresStoreFixture(server));
