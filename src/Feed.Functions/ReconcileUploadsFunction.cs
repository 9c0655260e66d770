using Feed.Core.Ingestion;
using Microsoft.Azure.Functions.Worker;

namespace Feed.Functions;

/// <summary>
/// Brings the data container in line with the upload container: ingests what Event Grid did not deliver and removes
/// what was deleted (the blob extension drops <c>BlobDeleted</c> events; see docs/azure.md). Same code as the local
/// host's watcher.
/// </summary>
public sealed class ReconcileUploadsFunction(UploadReconciler reconciler)
{
    [Function(FunctionNames.ReconcileUploads)]
    public async Task RunAsync(
        [TimerTrigger(Schedules.Reconcile)] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        await reconciler.ReconcileAsync(cancellationToken);
    }
}
