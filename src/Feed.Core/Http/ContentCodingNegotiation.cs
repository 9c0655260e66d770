using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Feed.Core.Http;

/// <summary>Picks brotli, then gzip, then no compression, honouring q-values (RFC 9110 §12.5.3).</summary>
public static class ContentCodingNegotiation
{
    public static ContentCoding Choose(StringValues acceptEncoding)
    {
        double brotli = 0, gzip = 0, wildcard = -1;
        foreach (var header in acceptEncoding)
        {
            if (header is null)
            {
                continue;
            }

            foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var semicolon = part.IndexOf(';', StringComparison.Ordinal);
                var name = (semicolon < 0 ? part : part[..semicolon]).Trim();
                var quality = 1.0;
                if (semicolon >= 0)
                {
                    var parameter = part[(semicolon + 1)..].Trim();
                    if (parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                        && !double.TryParse(parameter[2..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out quality))
                    {
                        quality = 0;
                    }
                }

                if (name.Equals("br", StringComparison.OrdinalIgnoreCase))
                {
                    brotli = quality;
                }
                else if (name.Equals("gzip", StringComparison.OrdinalIgnoreCase))
                {
                    gzip = quality;
                }
                else if (name == "*")
                {
                    wildcard = quality;
                }
            }
        }

        if (wildcard > 0)
        {
            brotli = brotli == 0 && !Mentions(acceptEncoding, "br") ? wildcard : brotli;
            gzip = gzip == 0 && !Mentions(acceptEncoding, "gzip") ? wildcard : gzip;
        }

        if (brotli > 0 && brotli >= gzip)
        {
            return ContentCoding.Brotli;
        }

        return gzip > 0 ? ContentCoding.Gzip : ContentCoding.Identity;
    }

    private static bool Mentions(StringValues header, string coding) =>
        header.Any(h => h is not null && h.Contains(coding, StringComparison.OrdinalIgnoreCase));
}
