using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Feed.Core.Http;

/// <summary>
/// The strict form of a host a link may be built on: a DNS name, an IPv4 address or a bracketed IPv6 address, and
/// optionally a port from 1 to 65535. Nothing else: no user information, path, query, spaces or empty parts.
/// </summary>
public static class HostAuthority
{
    private const int MaxLength = 253 + 6;

    public static bool IsValid(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return false;
        }

        var host = value;
        string? port = null;
        if (value[0] == '[')
        {
            var close = value.IndexOf(']', StringComparison.Ordinal);
            if (close < 0
                || !IPAddress.TryParse(value.AsSpan(1, close - 1), out var address)
                || address.AddressFamily != AddressFamily.InterNetworkV6
                || value.AsSpan(1, close - 1).Contains('%'))
            {
                return false;
            }

            if (close == value.Length - 1)
            {
                return true;
            }

            if (value[close + 1] != ':')
            {
                return false;
            }

            return IsPort(value[(close + 2)..]);
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            host = value[..colon];
            port = value[(colon + 1)..];
        }

        return IsDnsName(host) && (port is null || IsPort(port));
    }

    private static bool IsPort(string text) =>
        text.Length is > 0 and <= 5
        && text.All(char.IsAsciiDigit)
        && int.Parse(text, CultureInfo.InvariantCulture) is >= 1 and <= 65535;

    /// <summary>Letters, digits and inner hyphens, in labels of 1 to 63 characters; an IPv4 address is such a name too.</summary>
    private static bool IsDnsName(string host)
    {
        if (host.Length is 0 or > 253)
        {
            return false;
        }

        foreach (var label in host.Split('.'))
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                {
                    return false;
                }
            }
        }

        return true;
    }
}
