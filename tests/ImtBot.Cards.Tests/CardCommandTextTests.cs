namespace ImtBot.Cards.Tests;

public sealed class CardCommandTextTests
{
    [Fact]
    public void Compose_ButtonOnly_IsTheButtonsCommand() =>
        Assert.Equal("ack INC-42", CardCommandText.Compose("  ack INC-42 ", [], null));

    [Fact]
    public void Compose_PickedPeopleAndText_AppendsMentionsThenText() =>
        Assert.Equal("page 42 <@U1|Ann Lee> <@29:bob> check the gateway",
            CardCommandText.Compose("page 42", [new CardPick("U1", "Ann Lee"), new CardPick("29:bob")], "  check the gateway "));

    [Fact]
    public void Compose_MarkupInIdsAndNames_CannotEndTheMentionEarly() =>
        Assert.Equal("role 1 ops <@U1evil|Mallory>", CardCommandText.Compose("role 1 ops", [new CardPick("U1>evil|", "<Mallory|>")], null));

    [Fact]
    public void Compose_BlankPickAndBlankText_AreLeftOut() =>
        Assert.Equal("lead", CardCommandText.Compose("lead", [new CardPick(" > ")], "   "));

    [Fact]
    public void Picks_CommaSeparatedIds_OnePickEach() =>
        Assert.Equal(["a", "b"], CardCommandText.Picks(" a, ,b ").Select(p => p.Id));
}
