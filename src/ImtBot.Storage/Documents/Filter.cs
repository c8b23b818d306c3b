using LiteDB;

namespace ImtBot.Storage.Documents;

/// <summary>
/// Query filters whose values are parameters. LiteDB's <c>Query.EQ</c>, <c>Query.Between</c> and the like write the value
/// into the expression's text, and LiteDB compiles one delegate per distinct text and keeps it in a static cache for
/// the life of the process: every new value (a lease's "now", an incident's event range, a step's links) cost a
/// compile (a dynamic method, ~0.1–0.5 ms of CPU) and leaked it. With the value a parameter each shape compiles once.
/// Index selection is the same: a parameter is a value to LiteDB's optimizer, as in its own <c>FindById</c>.
/// </summary>
internal static class Filter
{
    public static BsonExpression EQ(string field, BsonValue value) => BsonExpression.Create($"{field} = @0", value);

    public static BsonExpression LT(string field, BsonValue value) => BsonExpression.Create($"{field} < @0", value);

    public static BsonExpression GT(string field, BsonValue value) => BsonExpression.Create($"{field} > @0", value);

    public static BsonExpression GTE(string field, BsonValue value) => BsonExpression.Create($"{field} >= @0", value);

    public static BsonExpression Between(string field, BsonValue from, BsonValue to) => BsonExpression.Create($"{field} BETWEEN @0 AND @1", from, to);

    /// <summary>Text fields starting with <paramref name="prefix"/> (LIKE, as LiteDB's <c>Query.StartsWith</c>; served from the field's index).</summary>
    public static BsonExpression StartsWith(string field, string prefix) => BsonExpression.Create($"{field} LIKE @0", prefix + "%");
}
