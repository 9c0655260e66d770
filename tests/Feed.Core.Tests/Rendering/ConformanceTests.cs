using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Feed.Core.Feeds;
using Feed.Core.Rendering;

namespace Feed.Core.Tests.Rendering;

/// <summary>The W3C Feed Validator's rules (docs/feeds.md, "Conformance"), checked on what we render from the seeds.</summary>
public sealed partial class ConformanceTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Media = "http://search.yahoo.com/mrss/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    [Fact]
    public void Rss_Seeds_ChannelAndItemsFollowValidatorRules()
    {
        var view = GoldenFileTests.SeedView(FeedFormat.Rss, archive: false);
        var text = Encoding.UTF8.GetString(FeedRenderer.Render(view, FeedFormat.Rss));
        var channel = XDocument.Parse(text).Root!.Element("channel")!;

        Assert.Equal(view.Title, channel.Element("title")!.Value);
        Assert.True(Uri.IsWellFormedUriString(channel.Element("link")!.Value, UriKind.Absolute));
        Assert.NotEmpty(channel.Element("description")!.Value);
        Assert.Equal(view.SelfUrl.AbsoluteUri, channel.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
        Assert.Matches(Rfc822(), channel.Element("lastBuildDate")!.Value);
        Assert.DoesNotContain("a10", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<iframe", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("&lt;iframe", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("&lt;script", text, StringComparison.OrdinalIgnoreCase);
        var items = channel.Elements("item").ToList();
        Assert.Equal(view.Entries.Count, items.Count);
        foreach (var item in items)
        {
            var guid = item.Element("guid")!;
            Assert.Equal("false", guid.Attribute("isPermaLink")!.Value);
            Assert.StartsWith("urn:uuid:", guid.Value, StringComparison.Ordinal);
            Assert.NotEmpty(item.Element("title")!.Value);
            Assert.Matches(Rfc822(), Assert.Single(item.Elements("pubDate")).Value);
            Assert.Null(item.Element("author"));
            Assert.NotEmpty(Assert.Single(item.Elements(Dc + "creator")).Value);
            Assert.NotEmpty(item.Elements("category"));
            Assert.Empty(item.Elements(Atom + "updated"));
            var enclosures = item.Elements("enclosure").ToList();
            Assert.InRange(enclosures.Count, 0, 1);
            foreach (var enclosure in enclosures)
            {
                Assert.StartsWith("image/", enclosure.Attribute("type")!.Value, StringComparison.Ordinal);
                Assert.Equal("0", enclosure.Attribute("length")!.Value);
            }

            foreach (var media in item.Elements().Where(e => e.Name.Namespace == Media && e.Name.LocalName is "thumbnail" || (string?)e.Attribute("medium") == "image"))
            {
                Assert.NotNull(media.Attribute("width"));
                Assert.NotNull(media.Attribute("height"));
            }
        }

        Assert.Contains(items, i => i.Elements(Media + "content").Any(m => (string?)m.Attribute("medium") == "video"));
        Assert.Contains(items, i => i.Elements(Atom + "link").Any(l => (string?)l.Attribute("rel") == "related"));
    }

    [Fact]
    public void Atom_Seeds_FeedAndEntriesFollowValidatorRules()
    {
        var view = GoldenFileTests.SeedView(FeedFormat.Atom, archive: false);
        var feed = XDocument.Parse(Encoding.UTF8.GetString(FeedRenderer.Render(view, FeedFormat.Atom))).Root!;

        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Equal(view.Id, Assert.Single(feed.Elements(Atom + "id")).Value);
        Assert.Equal(view.Title, feed.Element(Atom + "title")!.Value);
        Assert.Matches(Rfc3339(), feed.Element(Atom + "updated")!.Value);
        Assert.NotEmpty(feed.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.Equal(view.SelfUrl.AbsoluteUri, feed.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
        foreach (var entry in feed.Elements(Atom + "entry"))
        {
            Assert.StartsWith("urn:uuid:", entry.Element(Atom + "id")!.Value, StringComparison.Ordinal);
            Assert.NotEmpty(entry.Element(Atom + "title")!.Value);
            Assert.Matches(Rfc3339(), entry.Element(Atom + "updated")!.Value);
            Assert.Matches(Rfc3339(), entry.Element(Atom + "published")!.Value);
            Assert.Single(entry.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "alternate");
            Assert.Equal("html", entry.Element(Atom + "summary")!.Attribute("type")!.Value);
        }
    }

    [Fact]
    public void JsonFeed_Seeds_HasVersionTitleAndItemsWithIdsAndContent()
    {
        var view = GoldenFileTests.SeedView(FeedFormat.Json, archive: false);
        var json = System.Text.Json.Nodes.JsonNode.Parse(FeedRenderer.Render(view, FeedFormat.Json))!;

        Assert.Equal("https://jsonfeed.org/version/1.1", json["version"]!.GetValue<string>());
        Assert.Equal(view.Title, json["title"]!.GetValue<string>());
        Assert.Equal(view.SelfUrl.AbsoluteUri, json["feed_url"]!.GetValue<string>());
        Assert.Equal(view.PrevArchiveUrl!.AbsoluteUri, json["next_url"]!.GetValue<string>());
        Assert.Null(json["author"]);
        foreach (var item in json["items"]!.AsArray())
        {
            Assert.StartsWith("urn:uuid:", item!["id"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.NotEmpty(item["content_html"]!.GetValue<string>());
            Assert.NotEmpty(item["authors"]!.AsArray());
            Assert.DoesNotContain("<iframe", item["content_html"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [GeneratedRegex(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0000$")]
    private static partial Regex Rfc822();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}
