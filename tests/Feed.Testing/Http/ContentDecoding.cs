using System.IO.Compression;

namespace Feed.Testing.Http;

/// <summary>The bytes of a gzip or brotli response body, decoded as a client would.</summary>
public static class ContentDecoding
{
    public static async Task<byte[]> DecodeAsync(HttpResponseMessage response, string coding, CancellationToken cancellationToken = default)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await using Stream decompressor = coding == "br" ? new BrotliStream(body, CompressionMode.Decompress) : new GZipStream(body, CompressionMode.Decompress);
        using var decompressed = new MemoryStream();
        await decompressor.CopyToAsync(decompressed, cancellationToken);
        return decompressed.ToArray();
    }
}
