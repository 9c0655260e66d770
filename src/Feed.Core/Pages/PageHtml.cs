using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Feed.Core.Pages;

/// <summary>
/// Builds an HTML document: markup is written as is, every value through <see cref="HtmlEncoder"/>, and links only
/// when they are absolute http(s) URLs, so that nothing from an article file can become markup, script or a
/// <c>javascript:</c> link.
/// </summary>
public sealed class PageHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder _html = new(16 * 1024);

    /// <summary>Markup written by us, never a value from outside.</summary>
    public PageHtml Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    /// <summary>A value, escaped for text content and for quoted attribute values alike.</summary>
    public PageHtml Text(string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Encoder.Encode(new StringWriter(_html, CultureInfo.InvariantCulture), value);
        }

        return this;
    }

    public PageHtml Number(long value)
    {
        _html.Append(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>A human date (<c>27 Aug 2021</c>) in a <c>time</c> element with its machine form.</summary>
    public PageHtml Date(DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        return Raw("<time datetime=\"").Raw(utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)).Raw("\">")
            .Raw(utc.ToString("d MMM yyyy", CultureInfo.InvariantCulture)).Raw("</time>");
    }

    /// <summary>An absolute http(s) URL of a link or image; anything else is no link.</summary>
    public static bool IsLinkable(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    public byte[] ToUtf8() => Encoding.UTF8.GetBytes(_html.ToString());

    public override string ToString() => _html.ToString();
}
