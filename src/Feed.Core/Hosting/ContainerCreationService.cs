using Feed.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Feed.Core.Hosting;

/// <summary>
/// Creates the upload and data containers and the source records' table when the host starts (the Functions worker
/// and the local host alike), so that a new storage account needs no manual step, and moves source records of the
/// layout before the table into it (<see cref="SourceRecordStore.MoveBlobRecordsAsync"/>). While storage does not
/// answer it tries again, waiting longer each time up to <see cref="MaxDelay"/>; ingestion meanwhile fails as
/// transient and is retried by its trigger.
/// </summary>
public sealed partial class ContainerCreationService(FeedStorage storage, ILogger<ContainerCreationService> logger) : BackgroundService
{
    private readonly TaskCompletionSource _created = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static TimeSpan MaxDelay { get; } = TimeSpan.FromSeconds(30);

    /// <summary>Completes once both containers and the table exist and older source records are moved.</summary>
    public Task Created => _created.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await storage.EnsureCreatedAsync(stoppingToken).ConfigureAwait(false);
                if (await storage.Sources.MoveBlobRecordsAsync(stoppingToken).ConfigureAwait(false) is > 0 and var moved)
                {
                    LogMoved(logger, moved, SourceRecordStore.TableName);
                }

                _created.TrySetResult();
                return;
            }
            catch (Exception exception) when (StorageFailure.Is(exception))
            {
                LogNotCreated(logger, storage.Uploads.Name, storage.Data.Name, delay.TotalSeconds, StorageFailure.Reason(exception));
            }

            try
            {
                await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
        }
    }

    [LoggerMessage(EventId = 22, Level = LogLevel.Information, Message = "Moved {Count} source records from blobs into table '{Table}'")]
    private static partial void LogMoved(ILogger logger, int count, string table);

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Could not create containers '{Uploads}' and '{Data}', trying again in {Seconds} s: {Reason}")]
    private static partial void LogNotCreated(ILogger logger, string uploads, string data, double seconds, string reason);
}
