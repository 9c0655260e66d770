using System.Diagnostics;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Feed.Core.Articles;
using Feed.Core.Configuration;
using Feed.Core.Feeds;
using Feed.Core.Parsing;
using Feed.Core.Serialization;
using Feed.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Feed.Core.Ingestion;

/// <summary>
/// Ingests one uploaded blob: read → validate → normalize → store → record its feeds' change (folded into the
/// feeds in batches by <see cref="FeedChangeFolder"/>). Idempotent (a blob version
/// already processed is skipped), and safe to repeat after a crash at any point. An invalid file is recorded as a
/// rejection and returns normally; only transient failures (storage) throw, so that the caller retries them.
/// </summary>
public sealed partial class ArticleIngestor(
    FeedStorage storage,
    ArticleFileReader reader,
    FeedChangeFolder folder,
    IngestionCounters counters,
    IOptions<FeedOptions> options,
    TimeProvider timeProvider,
    ILogger<ArticleIngestor> logger)
{
    private readonly FeedOptions _options = options.Value;

    // Two uploads of one article (the same link under two names) stored at once would both look for its entries
    // before either had filed them, and one could file it a second time once the other's was archived; so the
    // storing of one article is one at a time here. Striped, to bound the memory whatever the number of articles.
    private readonly SemaphoreSlim[] _articleGates = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public Task<IngestionResult> IngestAsync(BlobClient blob, CancellationToken cancellationToken = default) =>
        IngestAsync(blob, sourceKnownAbsent: false, cancellationToken);

    /// <summary>
    /// Ingests <paramref name="blob"/>; with <paramref name="sourceKnownAbsent"/> (the caller listed the source
    /// records and found none for it) the source record is not read first, and is then written only if still
    /// absent: if one appeared meanwhile, the ingestion is done again knowing it.
    /// </summary>
    public async Task<IngestionResult> IngestAsync(BlobClient blob, bool sourceKnownAbsent, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        IngestionResult result;
        try
        {
            result = await IngestCoreAsync(blob, sourceKnownAbsent, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            counters.CountRetry();
            LogFailed(logger, blob.Name, exception);
            throw;
        }

        result = result with { Duration = Stopwatch.GetElapsedTime(started) };
        counters.Count(result.Outcome);
        LogIngested(logger, result.BlobName, result.ETag, result.ArticleId, result.Outcome, result.Duration.TotalMilliseconds);
        return result;
    }

    /// <summary>
    /// Records upload <paramref name="blobName"/> as rejected without reading it: its name has <c>.</c> or <c>..</c>
    /// segments, which every HTTP client resolves away, so no request can read it (<see cref="BlobNames"/>).
    /// </summary>
    public async Task<IngestionResult> RejectUnreadableNameAsync(string blobName, string etag, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var source = await storage.Sources.GetAsync(blobName, cancellationToken).ConfigureAwait(false);
        var diagnostic = new ArticleDiagnostic(
            DiagnosticCodes.FileNameUnreadable,
            null,
            $"the name '{blobName}' has a '.' or '..' segment or ends with '/'; HTTP clients resolve those away, so the file cannot be read by its name: upload it under a name without them",
            DiagnosticSeverity.Error);
        var result = await RejectAsync(blobName, etag, source, [diagnostic], readable: false, cancellationToken).ConfigureAwait(false) with { Duration = Stopwatch.GetElapsedTime(started) };
        counters.Count(result.Outcome);
        LogIngested(logger, blobName, etag, result.ArticleId, result.Outcome, result.Duration.TotalMilliseconds);
        return result;
    }

    /// <summary>The upload <paramref name="blobName"/> is gone: removes its article from the store and every feed.</summary>
    public async Task<IngestionResult> RemoveAsync(string blobName, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var source = await storage.Sources.GetAsync(blobName, cancellationToken).ConfigureAwait(false);
        if (source?.ArticleId is { } articleId
            && !await storage.Holders.RemoveAsync(articleId, blobName, cancellationToken).ConfigureAwait(false))
        {
            await RemoveArticleAsync(articleId, cancellationToken).ConfigureAwait(false);
        }

        await storage.Rejections.DeleteAsync(blobName, cancellationToken).ConfigureAwait(false);
        await storage.Sources.DeleteAsync(blobName, cancellationToken).ConfigureAwait(false);
        var result = new IngestionResult(blobName, null, IngestionOutcome.Removed, source?.ArticleId, [], Stopwatch.GetElapsedTime(started));
        counters.Count(result.Outcome);
        LogIngested(logger, blobName, null, result.ArticleId, result.Outcome, result.Duration.TotalMilliseconds);
        return result;
    }

    private async Task<IngestionResult> IngestCoreAsync(BlobClient blob, bool sourceKnownAbsent, CancellationToken cancellationToken)
    {
        var name = blob.Name;
        var sourceTask = sourceKnownAbsent ? Task.FromResult<SourceRecord?>(null) : storage.Sources.GetAsync(name, cancellationToken);
        BlobDownloadStreamingResult download;
        try
        {
            download = (await blob.DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            await sourceTask.ConfigureAwait(false);
            return new IngestionResult(name, null, IngestionOutcome.Missing, null, [], default);
        }

        using (download)
        {
            var etag = download.Details.ETag.ToString();
            var source = await sourceTask.ConfigureAwait(false);
            // A rejection whose record was not written (interrupted after its source record) is rejected again.
            if (source is not null && source.ETag == etag
                && (source.Outcome != IngestionOutcome.Rejected || await storage.Rejections.GetAsync(name, cancellationToken).ConfigureAwait(false) is not null))
            {
                return new IngestionResult(name, etag, IngestionOutcome.Unchanged, source.ArticleId, [], default);
            }

            var length = download.Details.ContentLength;
            if (length > _options.MaxFileBytes)
            {
                source = sourceKnownAbsent ? await storage.Sources.GetAsync(name, cancellationToken).ConfigureAwait(false) : source;
                var tooLarge = new ArticleDiagnostic(
                    DiagnosticCodes.FileTooLarge,
                    null,
                    $"the file is {length} bytes; the limit is {_options.MaxFileBytes} bytes",
                    DiagnosticSeverity.Error);
                return await RejectAsync(name, etag, source, [tooLarge], readable: true, cancellationToken).ConfigureAwait(false);
            }

            var content = new byte[length];
            await download.Content.ReadExactlyAsync(content, cancellationToken).ConfigureAwait(false);
            var read = reader.Read(content);
            if (read.Article is not { } article)
            {
                // Rejections are rare: their source record is read whatever the caller knows.
                source = sourceKnownAbsent ? await storage.Sources.GetAsync(name, cancellationToken).ConfigureAwait(false) : source;
                return await RejectAsync(name, etag, source, read.Diagnostics, readable: true, cancellationToken).ConfigureAwait(false);
            }

            await StoreAsync(name, article, source, cancellationToken).ConfigureAwait(false);

            // The change is stored: the fold brings the feeds up to date in the background (here, or in whichever
            // process holds the fold lease), in a batch with the changes of other ingestions.
            folder.RequestFold();
            var sourceWrite = storage.Sources.PutAsync(
                new SourceRecord { BlobName = name, ETag = etag, Outcome = IngestionOutcome.Ingested, ArticleId = article.Id, ProcessedAt = timeProvider.GetUtcNow() },
                onlyIfAbsent: sourceKnownAbsent,
                cancellationToken);
            // Only an upload whose source record says rejected has a rejection record (RejectAsync writes them in that order).
            if (source?.Outcome == IngestionOutcome.Rejected)
            {
                await storage.Rejections.DeleteAsync(name, cancellationToken).ConfigureAwait(false);
            }

            if (!await sourceWrite.ConfigureAwait(false))
            {
                // Processed meanwhile by another process, or earlier than the caller's listing knew: again, knowing it.
                return await IngestCoreAsync(blob, sourceKnownAbsent: false, cancellationToken).ConfigureAwait(false);
            }

            return new IngestionResult(name, etag, IngestionOutcome.Ingested, article.Id, read.Diagnostics, default);
        }
    }

    private async Task StoreAsync(string name, Article article, SourceRecord? source, CancellationToken cancellationToken)
    {
        var gate = _articleGates[(int)((uint)StringComparer.Ordinal.GetHashCode(article.Id) % (uint)_articleGates.Length)];
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await StoreOneAtATimeAsync(name, article, source, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task StoreOneAtATimeAsync(string name, Article article, SourceRecord? source, CancellationToken cancellationToken)
    {
        var newHolder = source?.ArticleId != article.Id;
        article.ContentHash = ArticleContentHash.Compute(article);

        // A new article is stored before its feed change, so that a retry after an interruption knows the feeds may
        // hold it already and finds it wherever it was filed, instead of filing it twice. An upload that did not
        // hold this article is most likely a new one: it is created if absent, naming this upload its first holder,
        // one request instead of a read and two writes; otherwise the article is read.
        StoredDocument<Article>? stored = null;
        article.Updated = article.PublishedDateTime;
        while (!(newHolder && await storage.Articles.TryCreateAsync(article, name, cancellationToken).ConfigureAwait(false))
            && (stored = await storage.Articles.GetAsync(article.Id, cancellationToken).ConfigureAwait(false)) is null)
        {
            // Deleted between the two requests (its last upload was removed): create it after all.
            newHolder = true;
        }

        // The same article stored from another upload (the same link under two names): this one holds it too.
        if (newHolder && stored is not null && ArticleHolders.FirstHolder(stored.Metadata) != name)
        {
            await storage.Holders.AddAsync(article.Id, name, cancellationToken).ConfigureAwait(false);
        }

        var existing = stored?.Value;
        article.Updated = existing is null || existing.ContentHash == article.ContentHash
            ? existing?.Updated ?? article.PublishedDateTime
            : Max(timeProvider.GetUtcNow(), article.PublishedDateTime);

        var feeds = FeedKey.For(article).ToHashSet();
        var previousFeeds = existing is null ? [] : FeedKey.For(existing).ToHashSet();

        // Where a feed already had the article, its old date finds the archive page that holds it.
        var change = new PendingFeedChange { ArticleId = article.Id, Entry = FeedEntry.From(article) };
        foreach (var key in previousFeeds.Where(key => !feeds.Contains(key)))
        {
            change.Feeds.Add(new PendingFeedTarget { Kind = key.Kind, Key = key.Key, FiledUnder = existing!.PublishedDateTime, Remove = true });
        }

        foreach (var key in feeds)
        {
            var filedUnder = previousFeeds.Contains(key) ? existing!.PublishedDateTime : (DateTimeOffset?)null;
            change.Feeds.Add(new PendingFeedTarget { Kind = key.Kind, Key = key.Key, Title = FeedTitles.For(key, article), FiledUnder = filedUnder });
        }

        await folder.AddAsync(change, cancellationToken).ConfigureAwait(false);

        // A changed article is stored after its feed change: a crash before this point leaves the old document, from
        // which a retry works out again which feeds to leave; storing first would lose that.
        if (stored is not null && !SameDocument(stored.Value, article))
        {
            await ReplaceAsync(name, article, stored, cancellationToken).ConfigureAwait(false);
        }

        // The same file now names another article (its link changed): the article it held before is gone, unless
        // another upload holds it too.
        if (source?.ArticleId is { } previous && previous != article.Id
            && !await storage.Holders.RemoveAsync(previous, name, cancellationToken).ConfigureAwait(false))
        {
            await RemoveArticleAsync(previous, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Stores the changed <paramref name="article"/> over <paramref name="current"/>, conditionally, so that the
    /// metadata naming its first holder is not written back after that holder was removed meanwhile.
    /// </summary>
    private async Task ReplaceAsync(string name, Article article, StoredDocument<Article>? current, CancellationToken cancellationToken)
    {
        while (current is null
            ? !await storage.Articles.TryCreateAsync(article, name, cancellationToken).ConfigureAwait(false)
            : !await storage.Articles.TryReplaceAsync(article, current, cancellationToken).ConfigureAwait(false))
        {
            current = await storage.Articles.GetAsync(article.Id, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RemoveArticleAsync(string articleId, CancellationToken cancellationToken)
    {
        var stored = await storage.Articles.GetAsync(articleId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return;
        }

        var change = new PendingFeedChange { ArticleId = articleId };
        change.Feeds.AddRange(FeedKey.For(stored.Value).Select(key => new PendingFeedTarget { Kind = key.Kind, Key = key.Key, FiledUnder = stored.Value.PublishedDateTime, Remove = true }));
        await folder.AddAsync(change, cancellationToken).ConfigureAwait(false);
        await FoldAsync(cancellationToken).ConfigureAwait(false);
        await storage.Articles.DeleteAsync(articleId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Brings the feeds up to date with the changes stored so far. A failure here loses nothing (the changes are
    /// stored and the next fold applies them), so it is logged, not thrown.
    /// </summary>
    private async Task FoldAsync(CancellationToken cancellationToken)
    {
        try
        {
            await folder.FoldAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFoldDeferred(logger, exception.Message);
        }
    }

    private async Task<IngestionResult> RejectAsync(
        string name,
        string etag,
        SourceRecord? source,
        IReadOnlyList<ArticleDiagnostic> diagnostics,
        bool readable,
        CancellationToken cancellationToken)
    {
        var record = new RejectionRecord
        {
            File = name,
            ETag = etag,
            RejectedAt = timeProvider.GetUtcNow(),
            Errors = [.. diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)],
            Warnings = [.. diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning)],
        };
        var sourceRecord = new SourceRecord { BlobName = name, ETag = etag, Outcome = IngestionOutcome.Rejected, ArticleId = source?.ArticleId, ProcessedAt = record.RejectedAt };
        if (readable)
        {
            // The source record first: a new version that ingests deletes the rejection record only where a source
            // record says rejected, and an interrupted rejection is completed when its upload is processed again.
            await storage.Sources.PutAsync(sourceRecord, cancellationToken).ConfigureAwait(false);
            await storage.Rejections.PutAsync(record, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // A name no request can read never ingests; reconciliation retries it until its source record is written.
            await storage.Rejections.PutAsync(record, cancellationToken).ConfigureAwait(false);
            await storage.Sources.PutAsync(sourceRecord, cancellationToken).ConfigureAwait(false);
        }

        LogRejected(logger, name, etag, string.Join("; ", record.Errors));
        return new IngestionResult(name, etag, IngestionOutcome.Rejected, source?.ArticleId, diagnostics, default);
    }

    private static bool SameDocument(Article existing, Article candidate) =>
        JsonSerializer.SerializeToUtf8Bytes(existing, FeedJsonContext.Default.Article)
            .AsSpan()
            .SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(candidate, FeedJsonContext.Default.Article));

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Ingestion of {BlobName} (ETag {ETag}): {Outcome}, article {ArticleId}, {DurationMs} ms")]
    private static partial void LogIngested(ILogger logger, string blobName, string? etag, string? articleId, IngestionOutcome outcome, double durationMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Rejected {BlobName} (ETag {ETag}): {Errors}")]
    private static partial void LogRejected(ILogger logger, string blobName, string etag, string errors);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "The feeds were not brought up to date now ({Reason}); the stored change is folded by the next ingestion or reconciliation pass")]
    private static partial void LogFoldDeferred(ILogger logger, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Ingestion of {BlobName} failed and will be retried")]
    private static partial void LogFailed(ILogger logger, string blobName, Exception exception);
}
