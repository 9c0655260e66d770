using System.Net;
using Feed.Testing;
using Feed.Testing.Storage;

namespace Feed.Server.Tests.Http;

/// <summary>The local host on Azurite with every file of seeds/ ingested.</summary>
public class SeededHostFixture : LocalHostFixture
{

    public static int SeedCount => RepositoryPaths.SeedArticleFiles.Count;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var file in RepositoryPaths.SeedArticleFiles)
        {
            await UploadAsync(Path.GetFileName(file), file);
        }

        await WaitForAsync("/api/feeds?format=json", (r, body) => r.StatusCode == HttpStatusCode.OK && body.Contains($"\"key\":\"all\",\"title\":\"All articles\",\"itemCount\":{SeedCount},", StringComparison.Ordinal));

        // The all feed can be complete while a topic feed's write is still under way: wait until every file is done.
        await IngestionSettle.WaitAsync(Storage, TimeSpan.FromSeconds(60));
    }
}
