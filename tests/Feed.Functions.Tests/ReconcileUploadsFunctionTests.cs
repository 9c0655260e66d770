using Feed.Functions.Tests.Articles;
using Feed.Testing.Hosting;

namespace Feed.Functions.Tests;

/// <summary>The reconciliation timer, run at once through the host's admin API as Azure's scheduler would run it.</summary>
[Collection(FunctionsHostCollection.Name)]
public sealed class ReconcileUploadsFunctionTests(FunctionsHostFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReconcileUploads_UploadWithoutEvent_IsIngested()
    {
        var article = new TestArticle($"missed-{Guid.NewGuid():N}"[..14]);
        await fixture.Uploads.GetBlobClient(article.FileName).UploadAsync(article.Content(), overwrite: true, Token);

        await fixture.RunTimerAsync(Token);

        foreach (var key in article.Feeds)
        {
            var titles = await FeedResponses.TitlesAsync(fixture.Http, key, Token);
            Assert.True(titles is not null && titles.Contains(article.Title), $"'{article.Title}' is not in feed {key} after the timer ran");
        }
    }

    [Fact]
    public async Task ReconcileUploads_UploadDeleted_LeavesEveryFeed()
    {
        var article = new TestArticle($"deleted-{Guid.NewGuid():N}"[..14]);
        Assert.Contains("(Succeeded,", await fixture.UploadAndNotifyAsync(article.FileName, article.Content(), Token), StringComparison.Ordinal);
        Assert.Contains(article.Title, await FeedResponses.TitlesAsync(fixture.Http, article.Feeds[0], Token) ?? []);

        var blob = fixture.Uploads.GetBlobClient(article.FileName);
        await blob.DeleteAsync(cancellationToken: Token);
        // Event Grid sends BlobDeleted too; the blob extension takes it and triggers nothing, so the timer does the work.
        using (var deleted = await fixture.PostEventsAsync([EventGridBlobEvents.Deleted(blob)], Token))
        {
            Assert.True(deleted.IsSuccessStatusCode, $"the webhook answered {(int)deleted.StatusCode} to BlobDeleted");
        }

        await fixture.RunTimerAsync(Token);

        foreach (var key in article.Feeds)
        {
            var titles = await FeedResponses.TitlesAsync(fixture.Http, key, Token);
            Assert.True(titles is null || !titles.Contains(article.Title), $"'{article.Title}' is still in feed {key} after its upload was deleted");
        }
    }
}
