using System.Text.Json;
using ImtBot.Teams.Activities;

namespace ImtBot.Teams.Tests.Activities;

public sealed class CardActionTests
{
    private static (string? Text, string Code, string Message) Read(string json) => CardAction.Read(JsonDocument.Parse(json).RootElement);

    [Fact]
    public void Read_CommandOnly_IsTheCommand()
    {
        Assert.Equal("ack INC-42", Read("""{"action":{"type":"Action.Execute","verb":"imtbot.command","data":{"command":"ack INC-42"}}}""").Text);
    }

    [Fact]
    public void Read_WithPeoplePickerAndText_AppendsThemInOrder()
    {
        var text = Read("""{"action":{"type":"Action.Execute","data":{"command":"page ops","user":"aad-1,aad-2","text":" call me "}}}""").Text;

        Assert.Equal("page ops <@aad-1> <@aad-2> call me", text);
    }

    [Fact]
    public void Read_UserIdWithDelimiters_CannotBreakTheToken()
    {
        Assert.Equal("role ops <@abc>", Read("""{"action":{"type":"Action.Execute","data":{"command":"role ops","user":"a|b>c"}}}""").Text);
    }

    [Theory]
    [InlineData("""{"action":{"type":"Action.Submit","data":{"command":"ack"}}}""", "NotSupported")]
    [InlineData("""{"action":{"type":"Action.Execute","verb":"other.verb","data":{}}}""", "NotSupported")]
    [InlineData("""{"action":{"type":"Action.Execute","data":{"feedback":"x"}}}""", "BadRequest")]
    [InlineData("""{"trigger":"manual"}""", "NotSupported")]
    [InlineData("\"text\"", "BadRequest")]
    public void Read_Invalid_IsRefusedWithACode(string json, string code)
    {
        var (text, actual, message) = Read(json);

        Assert.Null(text);
        Assert.Equal(code, actual);
        Assert.NotEmpty(message);
    }

    [Fact]
    public void Read_TooLong_IsRefused()
    {
        var (text, code, _) = Read("{\"action\":{\"type\":\"Action.Execute\",\"data\":{\"command\":\"note\",\"text\":\"" + new string('x', 5000) + "\"}}}");

        Assert.Null(text);
        Assert.Equal("BadRequest", code);
    }
}
