using Feed.Core.Ingestion;
using Feed.Server.Hosting;

namespace Feed.Server.Tests.Hosting;

/// <summary>How often the watcher lists the upload container: at once while uploads arrive, rarely when it is large and idle.</summary>
public sealed class UploadWatcherTests
{
    public static TheoryData<int, int, int, double, double> Passes { get; } = new()
    {
        // ingested, removed, failed, listing (ms), expected rest (ms); poll interval 500 ms, rest factor 2
        { 0, 0, 0, 10, 500 },
        { 0, 0, 0, 249, 500 },
        { 0, 0, 0, 300, 600 },
        { 0, 0, 0, 10_000, 20_000 },
        { 0, 0, 3, 10_000, 20_000 },
        { 1, 0, 0, 10_000, 0 },
        { 0, 1, 0, 10_000, 0 },
        { 2_109, 0, 0, 349, 0 },
    };

    [Theory]
    [MemberData(nameof(Passes))]
    public void RestAfter_Pass_ListsAgainAtOnceAfterWorkAndRarelyWhenListingIsLong(int ingested, int removed, int failed, double listingMilliseconds, double expectedMilliseconds)
    {
        var options = new LocalHostOptions { PollInterval = TimeSpan.FromMilliseconds(500), ListingRestFactor = 2 };
        var pass = new ReconciliationResult(Uploads: 100_000, ingested, removed, failed, TimeSpan.FromMilliseconds(listingMilliseconds));

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), UploadWatcher.RestAfter(pass, options));
    }
}
