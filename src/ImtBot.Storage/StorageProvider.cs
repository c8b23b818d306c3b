namespace ImtBot.Storage;

/// <summary>The database engine behind the store (<c>Storage:Provider</c>).</summary>
public enum StorageProvider
{
    /// <summary>An embedded file, one process: zero configuration.</summary>
    LiteDB,

    /// <summary>A PostgreSQL database that several ImtBot instances share.</summary>
    PostgreSQL,
}
