using System.Xml.Linq;
using Feed.Core.Feeds;

namespace Feed.Core.Rendering;

/// <summary>Media RSS elements of an entry: each image as <c>media:content</c> (the first also as <c>media:thumbnail</c>), a featured video as video content.</summary>
public static class MediaElements
{
    public static IEnumerable<XElement> For(FeedEntry entry)
    {
        var media = FeedNamespaces.Media;
        for (var i = 0; i < entry.Images.Count; i++)
        {
            var image = entry.Images[i];
            if (i == 0)
            {
                yield return Sized(new XElement(media + "thumbnail", Declare(), new XAttribute("url", image.Url)), image.Width, image.Height);
            }

            yield return Sized(
                new XElement(media + "content", Declare(), new XAttribute("url", image.Url), new XAttribute("medium", "image"), new XAttribute("type", ImageType(image.Url))),
                image.Width,
                image.Height);
        }

        if (entry.FeaturedMediaUrl is { } video)
        {
            yield return new XElement(media + "content", Declare(), new XAttribute("url", video), new XAttribute("medium", "video"));
        }
    }

    /// <summary>The media type of an image from its URL's extension; JPEG when the URL does not say.</summary>
    public static string ImageType(string url)
    {
        var path = new Uri(url).AbsolutePath;
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".png" => "image/png",
            ".gif" => "image/gif",
            ".webp" => "image/webp",
            ".svg" => "image/svg+xml",
            ".avif" => "image/avif",
            _ => "image/jpeg",
        };
    }

    private static XAttribute Declare() => new(XNamespace.Xmlns + FeedNamespaces.MediaPrefix, FeedNamespaces.Media.NamespaceName);

    private static XElement Sized(XElement element, int? width, int? height)
    {
        if (width is { } w && height is { } h)
        {
            element.Add(new XAttribute("width", w), new XAttribute("height", h));
        }

        return element;
    }
}
