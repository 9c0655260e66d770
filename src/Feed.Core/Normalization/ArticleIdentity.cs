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
        var host = link.IdnHost.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }

        var path = link.AbsolutePath;
        if (path.Length > 1 && path.EndsWith('/'))
        {
            path = path[..^1];
        }

        var port = link.IsDefaultPort ? "" : ":" + link.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var identity = $"{host}{port}{path}{link.Query}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(identity));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
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
