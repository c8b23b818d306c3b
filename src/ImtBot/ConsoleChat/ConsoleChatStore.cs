using ImtBot.Storage;

namespace ImtBot.ConsoleChat;

/// <summary>
/// Console channels and messages, kept as collections of their own in the bot's database: reads see committed data,
/// writes to a collection run one at a time (across instances too) and are durable before they complete.
/// </summary>
public sealed class ConsoleChatStore
{
    private readonly IDocumentCollection<ConsoleChannel> _channels;
    private readonly IDocumentCollection<ConsoleMessage> _messages;
    private readonly IDocumentCollection<ConsoleReadMarker> _reads;

    public ConsoleChatStore(IDocumentDatabase database)
    {
        // Opened here, at start-up: LiteDB 5.0.21's mapper has first-use races, so every mapper exists before any request.
        _channels = database.Collection<ConsoleChannel>("console_channels");
        _messages = database.Collection<ConsoleMessage>("console_messages");
        _reads = database.Collection<ConsoleReadMarker>("console_reads");
    }

    public async Task EnsureIndexesAsync()
    {
        await _messages.EnsureIndexAsync(nameof(ConsoleMessage.ChannelId));
        await _messages.EnsureIndexAsync(nameof(ConsoleMessage.Origin));
    }

    public ConsoleChannel? FindChannel(string id) => _channels.FindById(id);

    public IReadOnlyList<ConsoleChannel> ListChannels() => _channels.FindAll();

    public Task<ConsoleChannel> UpsertChannelAsync(ConsoleChannel channel) => _channels.WriteAsync(c =>
    {
        c.Upsert(channel);
        return channel;
    });

    public ConsoleMessage? FindMessage(long id) => _messages.FindById(id);

    public IReadOnlyList<ConsoleMessage> ListMessages(string channelId, int max) =>
        [.. _messages.FindWhere(nameof(ConsoleMessage.ChannelId), channelId).OrderBy(x => x.Id).TakeLast(max)];

    /// <summary>Messages in a channel after <paramref name="afterId"/>, newest last.</summary>
    public IReadOnlyList<ConsoleMessage> ListMessagesAfter(string channelId, long afterId) =>
        [.. _messages.FindWhere(nameof(ConsoleMessage.ChannelId), channelId).Where(x => x.Id > afterId).OrderBy(x => x.Id)];

    public long LastRead(string user, string channelId) =>
        _reads.FindById(ConsoleReadMarker.IdFor(user, channelId))?.LastRead ?? 0;

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
    public Task<(ConsoleMessage Message, bool Inserted)> InsertMessageAsync(ConsoleMessage message) => _messages.WriteAsync(m => Insert(m, message));

    /// <summary>Inserts <paramref name="messages"/> in order, each as <see cref="InsertMessageAsync"/> does, in one write: one wait for the disk, not one each.</summary>
    public Task<List<(ConsoleMessage Message, bool Inserted)>> InsertMessagesAsync(IReadOnlyList<ConsoleMessage> messages) =>
        _messages.WriteAsync(m => messages.Select(message => Insert(m, message)).ToList());

    private static (ConsoleMessage Message, bool Inserted) Insert(IDocumentWriter<ConsoleMessage> m, ConsoleMessage message)
    {
        if (message.Origin is { } origin && m.FindWhere(nameof(ConsoleMessage.Origin), origin).FirstOrDefault() is { } existing)
        {
            return (existing, false);
        }

        m.Insert(message);
        return (message, true);
    }

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
