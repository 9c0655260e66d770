using System.Security.Cryptography;
using System.Text;

namespace Feed.Core.WebSub;

/// <summary><c>X-Hub-Signature: sha256=&lt;hex HMAC of the body&gt;</c> (WebSub §7.1), keyed by the subscriber's secret.</summary>
public static class HubSignature
{
    public const string HeaderName = "X-Hub-Signature";

    public static string Compute(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
