using Feed.Core.Configuration;
using Feed.Core.Feeds;
using Feed.Core.Http;
using Feed.Core.Storage;
using Feed.Server.Hosting;

namespace Feed.Server.Commands;

/// <summary>
/// <c>feed serve [--seed FOLDER] [--urls URL]</c>: runs the local host (Azurite included when needed), uploads the
/// seed files if asked, and prints the feed URLs.
/// </summary>
public static class ServeCommand
{
    public const string DefaultUrl = "http://localhost:7071";

    public static async Task<int> RunAsync(CommandLine commandLine, CancellationToken cancellationToken = default)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine([.. commandLine.OtherOptions("seed")]).Build();
        await using var storage = await LocalStorage.OpenAsync(configuration, Console.Out, cancellationToken).ConfigureAwait(false);
        var urls = configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? DefaultUrl;
        var app = LocalFeedHost.Build(
            [.. commandLine.OtherOptions("seed")],
            new Dictionary<string, string?> { [FeedSettingNames.Storage] = storage.ConnectionString, ["urls"] = urls });
        await using (app.ConfigureAwait(false))
        {
            var feedStorage = app.Services.GetRequiredService<FeedStorage>();
            await feedStorage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
            if (commandLine.Option("seed") is { } seeds)
            {
                // Uploaded before the watcher starts, so that its first pass ingests them all.
                await UploadCommand.UploadAsync(feedStorage.Uploads, [seeds], Console.Out, cancellationToken).ConfigureAwait(false);
            }

            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            await app.Services.GetRequiredService<UploadWatcher>().FirstPass.WaitAsync(cancellationToken).ConfigureAwait(false);

            var baseUrl = new Uri(urls.Split(';')[0].TrimEnd('/') + "/");
            await PrintFeedsAsync(feedStorage, baseUrl, cancellationToken).ConfigureAwait(false);
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }

    private static async Task PrintFeedsAsync(FeedStorage storage, Uri baseUrl, CancellationToken cancellationToken)
    {
        var feeds = await storage.Feeds.ListAsync(cancellationToken).ConfigureAwait(false);
        Console.WriteLine();
        Console.WriteLine($"Feed is serving {feeds.Count} feeds. Catalog: {PublicUrls.Catalog(baseUrl)}  OPML: {new Uri(baseUrl, $"{FeedRoutes.Prefix}/{FeedRoutes.Opml}")}");
        foreach (var feed in feeds.OrderBy(f => f.Key.Kind).ThenBy(f => f.Key.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {PublicUrls.Feed(baseUrl, feed.Key, FeedFormat.Rss)}  ({feed.Title}, {feed.Count} items; also .atom, .json)");
        }

        Console.WriteLine("Upload more with: dotnet run --project src/Feed.Server -- upload FILE...   Stop with Ctrl+C.");
    }
}
