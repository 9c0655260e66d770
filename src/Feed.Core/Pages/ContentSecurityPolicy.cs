using System.Security.Cryptography;
using System.Text;

namespace Feed.Core.Pages;

/// <summary>
/// The Content-Security-Policy of every page: nothing is allowed but our own inline style and script (by hash) and
/// article images from the web. No fetches, frames, fonts, forms, plugins, base URL or embedding elsewhere.
/// </summary>
public static class ContentSecurityPolicy
{
    public const string HeaderName = "Content-Security-Policy";

    public static string Value { get; } =
        $"default-src 'none'; img-src https: http:; style-src '{PageStyle.Hash}'; script-src '{PageScript.Hash}'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>The CSP source expression of an inline element's exact text.</summary>
    public static string HashOf(string inline) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline)));
}
