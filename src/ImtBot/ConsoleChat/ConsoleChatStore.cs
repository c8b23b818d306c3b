using ImtBot.Storage;
using LiteDB;

namespace ImtBot.ConsoleChat;

/// <summary>Console channels and messages, kept in the bot's database through its single writer.</summary>
public sealed class ConsoleChatStore
{
    private const string Channels = "console_channels";
    private const string Messages = "console_messages";
    private readonly LiteIncidentStore _store;

    public ConsoleChatStore(LiteIncidentStore store)
    {
        _store = store;

        // LiteDB 5.0.21's mapper has first-use races: build both mappers before any request can.
        _store.Prewarm<ConsoleChannel>(Channels);
        _store.Prewarm<ConsoleMessage>(Messages);
    }

    public Task EnsureIndexesAsync() => _store.WriteAsync(db =>
    {
        db.GetCollection<ConsoleMessage>(Messages).EnsureIndex(m => m.ChannelId);
        return 0;
    });

    public ConsoleChannel? FindChannel(string id) => _store.Read(db => db.GetCollection<ConsoleChannel>(Channels).FindById(id));

    public IReadOnlyList<ConsoleChannel> ListChannels() => _store.Read(db => db.GetCollection<ConsoleChannel>(Channels).FindAll().ToList());

    public Task<ConsoleChannel> UpsertChannelAsync(ConsoleChannel channel) => _store.WriteAsync(db =>
    {
        db.GetCollection<ConsoleChannel>(Channels).Upsert(channel);
        return channel;
    });

    public ConsoleMessage? FindMessage(long id) => _store.Read(db => db.GetCollection<ConsoleMessage>(Messages).FindById(id));

    public IReadOnlyList<ConsoleMessage> ListMessages(string channelId, int max) => _store.Read(db =>
        db.GetCollection<ConsoleMessage>(Messages).Query().Where(m => m.ChannelId == channelId).OrderByDescending(m => m.Id).Limit(max).ToList()
            .OrderBy(m => m.Id).ToList());

    public Task<ConsoleMessage> InsertMessageAsync(ConsoleMessage message) => _store.WriteAsync(db =>
    {
        db.GetCollection<ConsoleMessage>(Messages).Insert(message);
        return message;
    });

    public Task<ConsoleMessage?> UpdateMessageAsync(long id, Action<ConsoleMessage> change) => _store.WriteAsync(db =>
    {
        var messages = db.GetCollection<ConsoleMessage>(Messages);
        var message = messages.FindById(id);
        if (message is null)
        {
            return null;
        }

        change(message);
        messages.Update(message);
        return message;
    });
}
