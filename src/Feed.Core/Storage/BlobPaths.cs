using System.Security.Cryptography;
using System.Text;
using Feed.Core.Feeds;

namespace Feed.Core.Storage;

/// <summary>Where each kind of document lives in the data container.</summary>
public static class BlobPaths
{
    public const string ArticlesPrefix = "articles/";
    public const string SourcesPrefix = "sources/";
    public const string RejectionsPrefix = "rejections/";
    public const string FeedsPrefix = "feeds/";
    public const string ArchivesPrefix = "archives/";
    public const string HoldersPrefix = "holders/";
    public const string PendingPrefix = "pending/";

    /// <summary>The blob whose lease names the one process folding pending changes into feeds; it holds the <see cref="Feeds.FoldManifest"/>.</summary>
    public const string FoldLease = "locks/fold.json";

    private const int MaxReadableName = 900;

    public static string Article(string id) => $"{ArticlesPrefix}{id}.json";

    public static string Feed(FeedKey key) => $"{FeedsPrefix}{key.Path}.json";

    /// <summary>One version of an archive page; kept apart from <see cref="FeedsPrefix"/> so that listing feeds does not list pages.</summary>
    public static string ArchivePage(FeedKey key, string blob) => $"{ArchivesPrefix}{key.Path}/{blob}.json";

    public static string Pending(string name) => PendingPrefix + name;

    public static string Source(string uploadName) => SourcesPrefix + Readable(uploadName);

    public static string Rejection(string uploadName) => RejectionsPrefix + Readable(uploadName) + ".json";

    /// <summary>Where the uploads that hold article <paramref name="articleId"/> are listed.</summary>
    public static string Holders(string articleId) => $"{HoldersPrefix}{articleId}/";

    /// <summary>The marker saying that upload <paramref name="uploadName"/> holds article <paramref name="articleId"/>.</summary>
    public static string Holder(string articleId, string uploadName) => Holders(articleId) + Readable(uploadName);

    /// <summary>The upload's own name where it fits below a prefix; a hash of it where it is too long to or cannot be addressed.</summary>
    /// <remarks>A name with <c>.</c> or <c>..</c> segments is hashed too: as it is, it would name another blob (<see cref="BlobNames"/>).</remarks>
    private static string Readable(string uploadName) =>
        uploadName.Length <= MaxReadableName && BlobNames.IsAddressable(uploadName)
            ? uploadName
            : (BlobNames.IsAddressable(uploadName) ? "long-names/" : "odd-names/") + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(uploadName)));
}
