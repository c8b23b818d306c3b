namespace ImtBot.Storage.Documents;

/// <summary>
/// Times are stored as UTC ticks (BSON dates keep only milliseconds, and an event's time is part of its hash with
/// seven fractional digits).
/// </summary>
internal static class Times
{
    public static long ToTicks(DateTimeOffset at) => at.UtcTicks;

    public static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);

    public static LiteDB.BsonValue ToBson(DateTimeOffset? at) => at is { } value ? new LiteDB.BsonValue(value.UtcTicks) : LiteDB.BsonValue.Null;

    public static DateTimeOffset? FromBson(LiteDB.BsonValue value) => value.IsNull ? null : FromTicks(value.AsInt64);
}
