namespace Feed.Server.Hosting;

/// <summary>Settings of the local host only (section <c>LocalHost</c>); the Functions app has its triggers instead.</summary>
public sealed class LocalHostOptions
{
    public const string Section = "LocalHost";

    /// <summary>Whether this host ingests at all; off, it only serves (a read-only replica, or a benchmark of serving alone).</summary>
    public bool Watch { get; set; } = true;

    /// <summary>How long the watcher rests between two comparisons of the upload container with what was ingested.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The least rest after a pass, in multiples of how long it took to list the upload container: with many uploads a
    /// listing is the costliest thing the watcher asks of storage, and a fixed poll would have it list nonstop.
    /// </summary>
    public double ListingRestFactor { get; set; } = 2;

    /// <summary>How often the WebSub hub's queue is looked at when this process sent nothing (another process may have).</summary>
    public TimeSpan HubPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether ASP.NET Core logs each request (four Information lines); off by default, for a quiet log.</summary>
    public bool RequestLogging { get; set; }

    /// <summary>
    /// How many blobs the watcher ingests at once (the Functions blob extension's maxDegreeOfParallelism, per instance).
    /// Ingestions spend most of their time waiting for storage, and the more are under way, the more share each
    /// append and source-record transaction: 48 ingested a bulk upload 15–20 % faster than 16 on Azurite
    /// (docs/benchmarks.md).
    /// </summary>
    public int MaxDegreeOfParallelism { get; set; } = 48;
}
