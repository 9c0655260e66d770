using System.Net;
using System.Text;
using Feed.Core.Feeds;

namespace Feed.Core.Rendering;

/// <summary>
/// The HTML body of an entry: the excerpt as escaped text, the lead image, a link to a featured video and the related
/// articles. Only absolute URLs, and never script or iframe.
/// </summary>
public static class EntryHtml
{
    public static string Render(FeedEntry entry)
    {
        var html = new StringBuilder(256);
        if (entry.Excerpt is { } excerpt)
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(excerpt)).Append("</p>");
        }

        if (entry.Images.Count > 0)
        {
            var image = entry.Images[0];
            html.Append("<p><img src=\"").Append(WebUtility.HtmlEncode(image.Url)).Append("\" alt=\"\"");
            if (image.Width is { } width && image.Height is { } height)
            {
                html.Append(" width=\"").Append(width).Append("\" height=\"").Append(height).Append('"');
            }

            html.Append(" /></p>");
        }

        if (entry.FeaturedMediaUrl is { } media)
        {
            html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(media)).Append("\">Watch the video</a></p>");
        }

        if (entry.Related.Count > 0)
        {
            html.Append("<p>Related:</p><ul>");
            foreach (var related in entry.Related)
            {
                html.Append("<li><a href=\"").Append(WebUtility.HtmlEncode(related.Url)).Append("\">")
                    .Append(WebUtility.HtmlEncode(related.Title)).Append("</a>");
                if (related.ProviderName is { } provider)
                {
                    html.Append(" (").Append(WebUtility.HtmlEncode(provider)).Append(')');
                }

                html.Append("</li>");
            }

            html.Append("</ul>");
        }

        return html.ToString();
    }
}
