using ImtBot.Storage;

namespace ImtBot.ConsoleChat;

/// <summary>
/// Console channels and messages, kept as collections of their own in the bot's database: reads see committed data,
/// writes go through the store's single writer and are durable before they complete.
/// </summary>
public sealed class ConsoleChatStore
{
    private readonly DocumentCollection<ConsoleChannel> _channels;
    private readonly DocumentCollection<ConsoleMessage> _messages;
    private readonly DocumentCollection<ConsoleReadMarker> _reads;

    public ConsoleChatStore(LiteDocumentDatabase database)
    {
        // Opened here, at start-up: LiteDB 5.0.21's mapper has first-use races, so both mappers exist before any request.
        _channels = database.Collection<ConsoleChannel>("console_channels");
        _messages = database.Collection<ConsoleMessage>("console_messages");
        _reads = database.Collection<ConsoleReadMarker>("console_reads");
    }

    public async Task EnsureIndexesAsync()
    {
        await _messages.WriteAsync(m => m.EnsureIndex(x => x.ChannelId));
        await _messages.WriteAsync(m => m.EnsureIndex(x => x.Origin));
    }

    public ConsoleChannel? FindChannel(string id) => _channels.Read(c => c.FindById(id));

    public IReadOnlyList<ConsoleChannel> ListChannels() => _channels.Read(c => c.FindAll().ToList());

    public Task<ConsoleChannel> UpsertChannelAsync(ConsoleChannel channel) => _channels.WriteAsync(c =>
    {
        c.Upsert(channel);
        return channel;
    });

    public ConsoleMessage? FindMessage(long id) => _messages.Read(m => m.FindById(id));

    public IReadOnlyList<ConsoleMessage> ListMessages(string channelId, int max) => _messages.Read(m =>
        m.Query().Where(x => x.ChannelId == channelId).OrderByDescending(x => x.Id).Limit(max).ToList()
            .OrderBy(x => x.Id).ToList());

    /// <summary>Messages in a channel after <paramref name="afterId"/>, newest last.</summary>
    public IReadOnlyList<ConsoleMessage> ListMessagesAfter(string channelId, long afterId) => _messages.Read(m =>
        m.Query().Where(x => x.ChannelId == channelId && x.Id > afterId).ToList());

    public long LastRead(string user, string channelId) =>
        _reads.Read(r => r.FindById(ConsoleReadMarker.IdFor(user, channelId))?.LastRead ?? 0);

    /// <summary>Moves a read marker forward (never back: a late request for an older message must not un-read newer ones).</summary>
    public Task MarkReadAsync(string user, string channelId, long upTo) => _reads.WriteAsync(r =>
    {
        var id = ConsoleReadMarker.IdFor(user, channelId);
        var marker = r.FindById(id) ?? new ConsoleReadMarker { Id = id };
        if (upTo > marker.LastRead)
        {
            marker.LastRead = upTo;
            r.Upsert(marker);
        }

        return marker;
    });

    /// <summary>
    /// Inserts <paramref name="message"/>, unless one with the same <see cref="ConsoleMessage.Origin"/> is stored: then
    /// that one is returned (<c>Inserted</c> false). The look-up and the insert are one write, so a step run twice
    /// posts once.
    /// </summary>
    public Task<(ConsoleMessage Message, bool Inserted)> InsertMessageAsync(ConsoleMessage message) => _messages.WriteAsync(m =>
    {
        if (message.Origin is { } origin && m.FindOne(x => x.Origin == origin) is { } existing)
        {
            return (existing, false);
        }

        m.Insert(message);
        return (message, true);
    });

    public Task<ConsoleMessage?> UpdateMessageAsync(long id, Action<ConsoleMessage> change) => _messages.WriteAsync(m =>
    {
        var message = m.FindById(id);
        if (message is null)
        {
            return null;
        }

        change(message);
        m.Update(message);
        return message;
    });
}
