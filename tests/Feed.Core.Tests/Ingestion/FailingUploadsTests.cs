using Feed.Core.Ingestion;
using Feed.Testing.Time;

namespace Feed.Core.Tests.Ingestion;

public sealed class FailingUploadsTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void IsDue_AfterEachFailure_WaitsTwiceAsLongUpToAMinute()
    {
        var clock = new ManualClock(Start);
        var failing = new FailingUploads(clock);
        var waits = new List<double>();

        for (var attempt = 0; attempt < 9; attempt++)
        {
            failing.Failed("a.md", "InvalidResourceName");
            var waited = 0;
            while (!failing.IsDue("a.md"))
            {
                clock.Advance(TimeSpan.FromSeconds(1));
                waited++;
            }

            waits.Add(waited);
        }

        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60, 60], waits);
        Assert.True(failing.IsDue("other.md"));
    }

    [Fact]
    public void Snapshot_AfterSuccessOrDeletion_NoLongerListsTheUpload()
    {
        var clock = new ManualClock(Start);
        var failing = new FailingUploads(clock);
        failing.Failed("kept.md", "x");
        clock.Advance(TimeSpan.FromSeconds(1));
        failing.Failed("fixed.md", "y");
        failing.Failed("deleted.md", "z");

        failing.Succeeded("fixed.md");
        failing.KeepOnly(new HashSet<string> { "kept.md", "fixed.md" });

        var upload = Assert.Single(failing.Snapshot(10));
        Assert.Equal(("kept.md", 1, Start, "x"), (upload.Name, upload.Attempts, upload.FirstFailure, upload.Reason));
        Assert.Equal(1, failing.Count);
    }
}
