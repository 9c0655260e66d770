using System.IO.Compression;

namespace Feed.Core.Http;

/// <summary>One rendered representation, with its compressed forms made once, on first request.</summary>
public sealed class RenderedFeed(byte[] identity)
{
    private byte[]? _gzip;
    private byte[]? _brotli;

    public byte[] Identity { get; } = identity;

    public byte[] Encoded(ContentCoding coding) => coding switch
    {
        ContentCoding.Gzip => _gzip ??= Compress(Identity, static s => new GZipStream(s, CompressionLevel.Optimal, leaveOpen: true)),
        ContentCoding.Brotli => _brotli ??= Compress(Identity, static s => new BrotliStream(s, CompressionLevel.Optimal, leaveOpen: true)),
        _ => Identity,
    };

    /// <summary>Bytes held, for the cache's size accounting.</summary>
    public long Size => Identity.Length + (_gzip?.Length ?? 0) + (_brotli?.Length ?? 0);

    private static byte[] Compress(byte[] data, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream(data.Length / 4);
        using (var compression = compressor(output))
        {
            compression.Write(data);
        }

        return output.ToArray();
    }
}
