using System.Net;

namespace Feed.Core.Http;

/// <summary>
/// The proxies whose <c>X-Forwarded-Host</c> and <c>X-Forwarded-Proto</c> are believed (<c>Feed:KnownProxies</c>):
/// addresses and networks in CIDR form, separated by commas or spaces, as ASP.NET Core's <c>KnownProxies</c> and
/// <c>KnownNetworks</c>. Empty: no proxy is trusted and the headers are ignored.
/// </summary>
public sealed class TrustedProxies
{
    private static TrustedProxies? s_last;

    private readonly List<IPNetwork> _networks;

    private TrustedProxies(string setting, List<IPNetwork> networks)
    {
        Setting = setting;
        _networks = networks;
    }

    public static TrustedProxies None { get; } = new("", []);

    public string Setting { get; }

    public bool IsEmpty => _networks.Count == 0;

    /// <summary>Parses the setting; <paramref name="error"/> names the first entry that is neither an address nor a network.</summary>
    public static bool TryParse(string? setting, out TrustedProxies proxies, out string? error)
    {
        proxies = None;
        error = null;
        if (string.IsNullOrWhiteSpace(setting))
        {
            return true;
        }

        var networks = new List<IPNetwork>();
        foreach (var entry in setting.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                address = Canonical(address);
                networks.Add(new IPNetwork(address, address.GetAddressBytes().Length * 8));
            }
            else
            {
                error = $"'{entry}' is neither an IP address nor a network such as 10.0.0.0/8";
                return false;
            }
        }

        proxies = new TrustedProxies(setting, networks);
        return true;
    }

    /// <summary>The parsed form of <paramref name="setting"/>, parsed once while the setting stays the same.</summary>
    public static TrustedProxies For(string? setting)
    {
        var last = s_last;
        if (last is not null && last.Setting == (setting ?? ""))
        {
            return last;
        }

        if (!TryParse(setting, out var parsed, out var error))
        {
            throw new InvalidOperationException($"Feed:KnownProxies: {error}");
        }

        s_last = parsed;
        return parsed;
    }

    public bool Contains(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        address = Canonical(address);
        foreach (var network in _networks)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }

    private static IPAddress Canonical(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
