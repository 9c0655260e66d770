using Azure.Storage.Sas;
using Feed.Core.Articles;
using Feed.Core.Ingestion;
using Feed.Testing;
using Feed.Testing.Http;
using Feed.Testing.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Feed.Server.Tests.Ingestion;

/// <summary>
/// Upload names no <c>feed upload</c> would write but Azure Storage accepts (written here over REST, as <c>az</c> or
/// Storage Explorer can): each either ingests or is rejected with a record, and nothing loops.
/// </summary>
public sealed class UploadNameTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    /// <summary>Names as sent on the wire (dots percent-encoded, so that the client sends them at all) and as listed.</summary>
    public static TheoryData<string, string> OddNames => new()
    {
        { "%2E%2E/escape.md", "../escape.md" },
        { "sub/dir/%2E%2E/x.md", "sub/dir/../x.md" },
        { "%2E/dot.md", "./dot.md" },
        { "a/%2E/b.md", "a/./b.md" },
    };

    [Theory]
    [MemberData(nameof(OddNames))]
    public async Task Reconcile_NameWithDotSegments_RejectedWithRecordOnceAndNotRetried(string wireName, string listedName)
    {
        await PutOverRestAsync(wireName, await File.ReadAllBytesAsync(RepositoryPaths.SeedFile, TestContext.Current.CancellationToken));
        var reconciler = host.Services.GetRequiredService<UploadReconciler>();
        var counters = host.Services.GetRequiredService<IngestionCounters>();

        var record = await WaitForRejectionAsync(listedName);
        var retriedBefore = counters.Retried;
        for (var pass = 0; pass < 3; pass++)
        {
            await reconciler.ReconcileAsync(TestContext.Current.CancellationToken);
        }

        var error = Assert.Single(record.Errors);
        Assert.Equal(DiagnosticCodes.FileNameUnreadable, error.Code);
        Assert.Contains(listedName, error.Message, StringComparison.Ordinal);
        Assert.Equal(retriedBefore, counters.Retried);
        Assert.DoesNotContain(counters.Failing.Snapshot(100), f => f.Name == listedName);
        var (_, health) = await host.HealthAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, health["failing"]!["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Reconcile_NameWithDotSegments_OtherUploadsStillIngest()
    {
        await PutOverRestAsync("%2E%2E/first.md", [.. "not even an article"u8]);
        await host.UploadAsync("000_2f0b49fc412bc3b3.txt", RepositoryPaths.SeedFile);

        await host.WaitForAsync("/api/feeds/topics/ai-ethics.rss", (r, body) => r.IsSuccessStatusCode && body.Contains("SenseTime", StringComparison.Ordinal));
        await WaitForRejectionAsync("../first.md");
    }

    private async Task<RejectionRecord> WaitForRejectionAsync(string name)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            await foreach (var record in host.Storage.Rejections.ListAsync(TestContext.Current.CancellationToken))
            {
                if (record.File == name)
                {
                    return record;
                }
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"no rejection record for '{name}' within 20 s");
    }

    private async Task PutOverRestAsync(string wireName, byte[] content)
    {
        var sas = host.Uploads.GenerateSasUri(BlobContainerSasPermissions.All, DateTimeOffset.UtcNow.AddHours(1));
        var request = $"PUT {sas.AbsolutePath}/{wireName}{sas.Query} HTTP/1.1\r\nHost: {sas.Authority}\r\nConnection: close\r\nx-ms-blob-type: BlockBlob\r\nContent-Length: {content.Length}\r\n\r\n"
            + System.Text.Encoding.Latin1.GetString(content);
        var response = await RawHttp.SendRequestAsync(sas, request, TestContext.Current.CancellationToken);
        Assert.Equal(201, response.Status);
    }
}
