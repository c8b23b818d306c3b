using ImtBot.Drills;
using ImtBot.Hosting;
using ImtBot.Plans;

namespace ImtBot.Tests.Hosting;

/// <summary>Plans and drill scenarios are found by one rule: the configured folder, else the build's copy beside the application.</summary>
public class ContentFolderTests
{
    [Fact]
    public void Unset_BothUseTheCopyBesideTheApplication_WhichTheBuildFills()
    {
        var plans = new PlansOptions().Folder;
        var drills = new DrillsOptions().ResolvedPath();

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "plans"), plans);
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "drills"), drills);
        Assert.True(File.Exists(Path.Combine(plans, "default.yaml")), $"the build did not copy plans/ to {plans}");
        Assert.True(File.Exists(Path.Combine(drills, "leaked-credentials.yaml")), $"the build did not copy drills/ to {drills}");
    }

    [Fact]
    public void Set_BothUseTheSettingRelativeToTheWorkingDirectory()
    {
        var expected = Path.GetFullPath(Path.Combine("content", "mine"));

        Assert.Equal(expected, new PlansOptions { Path = Path.Combine("content", "mine") }.Folder);
        Assert.Equal(expected, new DrillsOptions { Path = Path.Combine("content", "mine") }.ResolvedPath());
        Assert.Equal(expected, ContentFolder.Resolve(Path.Combine("content", "mine"), "anything"));
    }
}
