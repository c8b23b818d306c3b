namespace ImtBot.Tests.Browser;

public class TestChromiumTests
{
    [Theory]
    [InlineData(null, true, TestChromium.DebianExecutable)]
    [InlineData("", true, TestChromium.DebianExecutable)]
    [InlineData(null, false, null)]
    [InlineData("npm", true, null)]
    [InlineData(" npm ", false, null)]
    [InlineData("/opt/chrome/chrome", true, "/opt/chrome/chrome")]
    public void ChooseExecutable_PrefersDebiansChromium_NpmWhenMissingOrAskedFor(string? setting, bool debianInstalled, string? expected)
    {
        Assert.Equal(expected, TestChromium.ChooseExecutable(setting, debianInstalled));
    }

    [Fact]
    public void NpmPackageFolder_PinsTheChromiumPackage_WithALockFile()
    {
        var folder = NpmChromium.PackageFolder(Infrastructure.RepositoryRoot.Path);

        Assert.Contains("\"@sparticuz/chromium\"", File.ReadAllText(Path.Combine(folder, "package.json")));
        Assert.True(File.Exists(Path.Combine(folder, "package-lock.json")), "npm ci needs the lock file.");
    }
}
