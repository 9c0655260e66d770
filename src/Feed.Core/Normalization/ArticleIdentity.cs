using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Feed.Core.Normalization;

/// <summary>
/// An article's identity derives from its canonical link, normalized so that http/https, <c>www.</c>, letter case of
/// the host, default ports, fragments and a trailing slash do not make a second article.
/// </summary>
public static class ArticleIdentity
{
    public static string FromLink(Uri link)
    {
        var host = link.IdnHost.AsSpan();
        if (host.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            host = host[4..];
        }

        var path = link.AbsolutePath.AsSpan();
        if (path.Length > 1 && path.EndsWith('/'))
        {
            path = path[..^1];
        }

        var query = link.Query.AsSpan();
        var port = link.IsDefaultPort ? -1 : link.Port;
        var length = host.Length + 6 + path.Length + query.Length;
        char[]? rented = null;
        var identity = length <= 1024 ? stackalloc char[length] : (rented = ArrayPool<char>.Shared.Rent(length));
        var written = host.ToLowerInvariant(identity);
        if (port >= 0)
        {
            identity[written++] = ':';
            port.TryFormat(identity[written..], out var digits, provider: CultureInfo.InvariantCulture);
            written += digits;
        }

        path.CopyTo(identity[written..]);
        written += path.Length;
        query.CopyTo(identity[written..]);
        written += query.Length;

        var maxBytes = Encoding.UTF8.GetMaxByteCount(written);
        byte[]? rentedBytes = null;
        var utf8 = maxBytes <= 3072 ? stackalloc byte[maxBytes] : (rentedBytes = ArrayPool<byte>.Shared.Rent(maxBytes));
        var count = Encoding.UTF8.GetBytes(identity[..written], utf8);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8[..count], hash);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        if (rentedBytes is not null)
        {
            ArrayPool<byte>.Shared.Return(rentedBytes);
        }

        return Convert.ToHexStringLower(hash[..16]);
    }

    /// <summary>The article's permanent URN for feed guids and Atom ids: a version 8 UUID built from the id.</summary>
    public static string ToUrn(string id)
    {
        Span<byte> bytes = stackalloc byte[16];
        Convert.FromHexString(id, bytes, out _, out _);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(bytes);
        return $"urn:uuid:{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }
}
