using Feed.Core.Hosting;
using Feed.Core.Ingestion;
using Microsoft.Extensions.Options;

namespace Feed.Server.Hosting;

/// <summary>
/// The local stand-in for the blob trigger: every poll, ingests new and changed blobs of the upload container and
/// removes deleted ones, through the same reconciliation the cloud's timer runs (listing the source records only
/// every half minute, <see cref="ProcessedUploads"/>). A pass that fails (storage down)
/// is logged and tried again on the next poll, like a trigger retry. A pass that ingested or removed something is
/// followed at once by the next; after a pass that found nothing, the watcher rests at least
/// <see cref="LocalHostOptions.ListingRestFactor"/> times its listing's duration: listing a large container costs
/// storage far more than a request (Azurite: about 0.13 ms of its one thread per blob listed).
/// </summary>
public sealed partial class UploadWatcher(
    UploadReconciler reconciler,
    ContainerCreationService creation,
    IOptions<LocalHostOptions> options,
    TimeProvider timeProvider,
    ILogger<UploadWatcher> logger)
    : BackgroundService
{
    private readonly TaskCompletionSource _firstPass = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ProcessedUploads _processed = new(timeProvider);

    /// <summary>How long the first pass waits for the containers, the table and the move of older source records.</summary>
    public static TimeSpan CreationWait { get; } = TimeSpan.FromSeconds(30);

    /// <summary>Completes when the first pass has run, successfully or not.</summary>
    public Task FirstPass => _firstPass.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Watch)
        {
            _firstPass.TrySetResult();
            return;
        }

        // Source records of the layout before the table are moved at start; a pass before that would take every upload
        // for new. While storage does not answer, the passes start anyway (and fail, and are retried) after a while.
        try
        {
            await creation.Created.WaitAsync(CreationWait, timeProvider, stoppingToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
        catch (OperationCanceledException)
        {
            _firstPass.TrySetResult();
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var rest = options.Value.PollInterval;
            try
            {
                // The first pass brings the feeds up to date before the host says it serves; later passes leave the
                // fold to run beside the next listing.
                var result = await reconciler.ReconcileAsync(_processed, waitForFold: !_firstPass.Task.IsCompleted, stoppingToken).ConfigureAwait(false);
                rest = RestAfter(result, options.Value);
                if (result.Ingested + result.Removed + result.Failed > 0)
                {
                    LogPass(logger, result.Ingested, result.Removed, result.Failed, result.Uploads);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                LogPassFailed(logger, exception.Message);
            }

            _firstPass.TrySetResult();
            try
            {
                await Task.Delay(rest, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        _firstPass.TrySetResult();
    }

    /// <summary>
    /// How long the watcher rests after <paramref name="pass"/>: not at all after a pass that found work (more is likely
    /// on its way, and resting would leave storage idle); otherwise the poll interval, or longer for a container whose
    /// listing takes long, so that an idle container is listed at most as often as its size allows.
    /// </summary>
    public static TimeSpan RestAfter(ReconciliationResult pass, LocalHostOptions options)
    {
        if (pass.Ingested + pass.Removed > 0)
        {
            return TimeSpan.Zero;
        }

        var listingRest = pass.Listing * options.ListingRestFactor;
        return listingRest > options.PollInterval ? listingRest : options.PollInterval;
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Watcher: {Ingested} ingested, {Removed} removed, {Failed} to retry, of {Uploads} uploads")]
    private static partial void LogPass(ILogger logger, int ingested, int removed, int failed, int uploads);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Watcher pass failed, retrying on the next poll: {Reason}")]
    private static partial void LogPassFailed(ILogger logger, string reason);
}
