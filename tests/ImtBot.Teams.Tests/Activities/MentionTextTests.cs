using ImtBot.Teams.Activities;

namespace ImtBot.Teams.Tests.Activities;

public sealed class MentionTextTests
{
    private static Activity Message(string text, params (string Id, string Name, string? Text)[] mentions) => new()
    {
        Type = "message",
        Text = text,
        Recipient = new ChannelAccount { Id = "28:bot", Name = "ImtBot" },
        Entities = mentions.Select(m => new ActivityEntity { Type = "mention", Text = m.Text, Mentioned = new ChannelAccount { Id = m.Id, Name = m.Name } }).ToList(),
    };

    private static Task<string> ConvertAsync(Activity a) =>
        MentionText.ToCommandTextAsync(a, m => Task.FromResult<string?>(m.Id == "29:bob" ? "aad-bob" : null));

    [Fact]
    public async Task ToCommandText_BotMentionAnywhere_IsRemovedCaseInsensitively()
    {
        var text = await ConvertAsync(Message("ack <AT>imtbot</AT>  INC-42", ("28:bot", "ImtBot", "<at>ImtBot</at>")));

        Assert.Equal("ack INC-42", text);
    }

    [Fact]
    public async Task ToCommandText_EntityWithoutText_RemovesTheNameTag()
    {
        var text = await ConvertAsync(Message("<at>ImtBot</at> status", ("28:bot", "ImtBot", null)));

        Assert.Equal("status", text);
    }

    [Fact]
    public async Task ToCommandText_OtherUser_BecomesUserTokenWithTheEntraId()
    {
        var text = await ConvertAsync(Message("<at>ImtBot</at> role ops <at>Bob</at>", ("28:bot", "ImtBot", "<at>ImtBot</at>"), ("29:bob", "Bob", "<at>Bob</at>")));

        Assert.Equal("role ops <@aad-bob|Bob>", text);
    }

    [Fact]
    public async Task ToCommandText_UnresolvableUser_KeepsTheTeamsId()
    {
        var text = await ConvertAsync(Message("page <at>Carol | x></at>", ("29:carol", "Carol | x>", "<at>Carol | x></at>")));

        Assert.Equal("page <@29:carol|Carol x>", text);
    }

    [Fact]
    public async Task ToCommandText_NoMentions_TrimsAndCollapsesSpaces()
    {
        Assert.Equal("note a b", await ConvertAsync(Message("  note   a\tb ")));
    }

    [Fact]
    public async Task ToCommandText_NbspFromTheClient_BecomesASpace()
    {
        Assert.Equal("note a b", await ConvertAsync(Message("note a&nbsp;b\u00a0")));
    }

    [Fact]
    public void UserToken_NameWithDelimiters_IsCleaned()
    {
        Assert.Equal("<@id>", MentionText.UserToken("id", " | "));
        Assert.Equal("<@id|A B>", MentionText.UserToken("id", "A B"));
    }
}
