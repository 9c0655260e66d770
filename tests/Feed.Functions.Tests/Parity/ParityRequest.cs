namespace Feed.Functions.Tests.Parity;

/// <summary>
/// One request sent alike to the Functions host and to the local host. Header values may hold <c>{etag}</c> or
/// <c>{last-modified}</c>: they are replaced by the validators of a plain GET of the same path first (for
/// conditional requests that must match).
/// </summary>
/// <param name="Name">Unique and readable: it names the test case.</param>
/// <param name="CompareBody">False only where the body is rightly per process (the health counters).</param>
public sealed record ParityRequest(string Name, string Method, string Path, IReadOnlyDictionary<string, string> Headers, bool CompareBody = true)
{
    public const string EtagPlaceholder = "{etag}";

    public const string LastModifiedPlaceholder = "{last-modified}";

    public static ParityRequest Get(string name, string path, params (string Name, string Value)[] headers) =>
        new(name, "GET", path, headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase));

    public static ParityRequest Send(string name, string method, string path, params (string Name, string Value)[] headers) =>
        new(name, method, path, headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase));

    public bool NeedsValidators => Headers.Values.Any(v => v.Contains(EtagPlaceholder, StringComparison.Ordinal) || v.Contains(LastModifiedPlaceholder, StringComparison.Ordinal));

    public override string ToString() => Name;
}
