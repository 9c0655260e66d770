namespace Feed.Functions;

/// <summary>
/// Names of the functions as the Functions host knows them. The host addresses a function as
/// <c>Host.Functions.{name}</c>, e.g. in the blob extension webhook
/// <c>/runtime/webhooks/blobs?functionName=Host.Functions.IngestUpload</c> that the Event Grid subscription calls.
/// </summary>
public static class FunctionNames
{
    /// <summary>Event Grid based blob trigger on the upload container.</summary>
    public const string IngestUpload = "IngestUpload";

    /// <summary>Timer that reconciles the upload container with the data container (catches deletes and missed events).</summary>
    public const string ReconcileUploads = "ReconcileUploads";

    /// <summary>GET/HEAD <c>/api/feeds</c>.</summary>
    public const string GetCatalog = "GetCatalog";

    /// <summary>GET/HEAD <c>/api/feeds.opml</c>.</summary>
    public const string GetOpml = "GetOpml";

    /// <summary>GET/HEAD <c>/api/feeds/{*path}</c>.</summary>
    public const string GetFeed = "GetFeed";

    /// <summary>GET/HEAD <c>/api/health</c>.</summary>
    public const string GetHealth = "GetHealth";

    /// <summary>Every other path under <c>/api</c> and every other method: 404 or 405 with a reason, as the local host answers.</summary>
    public const string Unrouted = "Unrouted";

    /// <summary>
    /// POST <c>/api/websub</c>: the WebSub hub's subscription requests (GET/HEAD answer 405 with the reason). The host
    /// tried <see cref="Unrouted"/>'s catch-all first when this was named <c>WebSubHub</c> (measured: POSTs got its
    /// 405); named to sort before it, the literal route is taken.
    /// </summary>
    public const string PostWebSubHub = "PostWebSubHub";

    /// <summary>Queue trigger on <c>websub</c>: the hub's verifications, distributions and delivery retries.</summary>
    public const string WebSubQueue = "WebSubQueue";
}
