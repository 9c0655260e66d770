using System.Globalization;
using System.Text.Json.Nodes;
using Feed.Core.Ingestion;

namespace Feed.Core.Http;

/// <summary>The parts of <c>/api/health</c> that say what is not well: uploads that keep failing, feeds served from memory.</summary>
public static class HealthDetails
{
    private const int MaxListed = 20;

    /// <summary><c>{"count": n, "uploads": [{name, attempts, since, nextAttempt, reason}]}</c>, the longest failing first.</summary>
    public static JsonObject Failing(FailingUploads failing)
    {
        var uploads = new JsonArray();
        foreach (var upload in failing.Snapshot(MaxListed))
        {
            uploads.Add(new JsonObject
            {
                ["name"] = upload.Name,
                ["attempts"] = upload.Attempts,
                ["since"] = Time(upload.FirstFailure),
                ["nextAttempt"] = Time(upload.NextAttempt),
                ["reason"] = upload.Reason,
            });
        }

        return new JsonObject { ["count"] = failing.Count, ["uploads"] = uploads };
    }

    /// <summary><c>{"feeds": n, "since": time}</c>: feeds answered from their last good version while storage fails.</summary>
    public static JsonObject Stale((int Feeds, DateTimeOffset? Since) stale) =>
        new() { ["feeds"] = stale.Feeds, ["since"] = stale.Since is { } since ? Time(since) : null };

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
