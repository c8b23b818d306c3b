namespace ImtBot.Tests.Browser;

public class DocsScreenshotsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("true")]
    public void Targets_WithoutUpdateDocs_OnlyTheTestOutput(string? setting)
    {
        Assert.Equal(["/out/console.png"], DocsScreenshots.Targets("console.png", setting, "/out", "/repo/docs"));
    }

    [Fact]
    public void Targets_WithUpdateDocs_AlsoTheDocsCopy()
    {
        Assert.Equal(["/out/console.png", "/repo/docs/console.png"], DocsScreenshots.Targets("console.png", "1", "/out", "/repo/docs"));
    }

    [Fact]
    public void OutputFolder_IsUnderTheTestOutputFolder()
    {
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "screenshots"), DocsScreenshots.OutputFolder);
    }
}
