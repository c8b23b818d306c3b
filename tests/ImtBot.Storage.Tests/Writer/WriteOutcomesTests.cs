using ImtBot.Storage.Writer;

namespace ImtBot.Storage.Tests.Writer;

/// <summary>The latest write batch decides readiness; an older batch completing late does not hide a newer failure.</summary>
public sealed class WriteOutcomesTests
{
    [Fact]
    public void OlderBatchSucceedingAfterANewerFailed_StillFailed()
    {
        var writes = new WriteOutcomes();

        writes.Failed(2, new IOException("No space left on device"));
        writes.Succeeded(1);

        Assert.Equal("No space left on device", writes.Failure);
    }

    [Fact]
    public void LaterBatchSucceeds_Cleared()
    {
        var writes = new WriteOutcomes();
        writes.Failed(2, new IOException("No space left on device"));

        writes.Succeeded(3);

        Assert.Null(writes.Failure);
    }
}
