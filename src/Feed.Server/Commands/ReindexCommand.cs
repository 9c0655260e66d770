using Feed.Core.Ingestion;
using Feed.Core.Storage;

namespace Feed.Server.Commands;

/// <summary>
/// <c>feed reindex</c>: rebuilds every feed index from the normalized store and deletes the indexes of feeds no
/// stored article belongs to. Feeds that were right are left untouched (same ETag).
/// </summary>
public static class ReindexCommand
{
    public static async Task<int> RunAsync(IConfiguration configuration, TextWriter output, CancellationToken cancellationToken = default)
    {
        await using var storage = await LocalStorage.OpenAsync(configuration, output, cancellationToken).ConfigureAwait(false);
        await using var services = CommandServices.Build(configuration, storage.ConnectionString);
        await services.GetRequiredService<FeedStorage>().EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var result = await services.GetRequiredService<FeedRebuilder>().RebuildAsync(cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(
            $"Rebuilt {result.Feeds} feed(s) from {result.Articles} stored article(s); deleted {result.Deleted} feed(s) no article belongs to.").ConfigureAwait(false);
        return 0;
    }
}
