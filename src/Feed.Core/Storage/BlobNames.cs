namespace Feed.Core.Storage;

/// <summary>
/// Blob names that cannot be used as they are. Azure Storage accepts names with <c>.</c> or <c>..</c> path segments
/// (<c>../escape.md</c>, <c>sub/dir/../x.md</c>: <c>az</c>, Storage Explorer and the REST API write them), but every
/// HTTP client resolves such segments away before sending, so the blob can be listed and never read by its name:
/// reading it answers InvalidResourceName or 404, and writing a record named after it would land elsewhere.
/// </summary>
public static class BlobNames
{
    public static bool IsAddressable(string name)
    {
        if (name.Length == 0 || name[^1] == '/')
        {
            return false;
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment is "." or "..")
            {
                return false;
            }
        }

        return true;
    }
}
