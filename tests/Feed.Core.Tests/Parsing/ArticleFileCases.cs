using System.Text;
using Feed.Core.Articles;

namespace Feed.Core.Tests.Parsing;

/// <summary>
/// The table of broken and odd article files, each with what Feed must answer. Built from one valid file whose lines
/// are known: 1 <c>---</c>, 2 title, 3 publishedDateTime, 4 webUrl, 5 type, 6 quality, 7 provider, 8 provider.name,
/// 9 provider.domain, 10 topics, 11 the topic, 12 <c>---</c>.
/// </summary>
public static class ArticleFileCases
{
    public const string Valid = """
        ---
        title: Hello world
        publishedDateTime: 2021-08-27T16:15:00Z
        webUrl: https://example.com/news/hello
        type: article
        quality: 50
        provider:
          name: Example News
          domain: example.com
        topics:
          - AI
        ---

        """;

    public static readonly IReadOnlyDictionary<string, BrokenFileCase> Broken = new Dictionary<string, BrokenFileCase>
    {
        ["empty file"] = new("", DiagnosticCodes.FileEmpty),
        ["only white space"] = new(" \n\n\t\n", DiagnosticCodes.FileEmpty),
        ["no front matter"] = new("title: Hello world\nwebUrl: https://example.com/a\n", DiagnosticCodes.FrontMatterMissing, null, 1, 1),
        ["text before the front matter"] = new("Hello\n" + Valid, DiagnosticCodes.FrontMatterMissing, null, 1, 1),
        ["unterminated front matter"] = new(Valid.TrimEnd()[..^3], DiagnosticCodes.FrontMatterUnterminated, null, 1, 1),
        ["unquoted colon in a value"] = new(With("title", "title: Hello: world"), DiagnosticCodes.YamlInvalid, "title", 2, 13),
        ["unquoted colon, CRLF line endings"] = new(With("title", "title: Hello: world").Replace("\n", "\r\n", StringComparison.Ordinal), DiagnosticCodes.YamlInvalid, "title", 2, 13),
        ["tab indentation"] = new(Valid.Replace("  name:", "\tname:", StringComparison.Ordinal), DiagnosticCodes.YamlInvalid),
        ["flow list left open"] = new(With("type", "type: [article, video"), DiagnosticCodes.YamlInvalid, "type[0]", 5),
        ["quote left open"] = new(With("title", "title: \"Hello world"), DiagnosticCodes.YamlInvalid, "title", 2, 8),
        ["front matter is a list"] = new("---\n- a\n- b\n---\n", DiagnosticCodes.YamlNotMapping, null, 2, 1),
        ["front matter is empty"] = new("---\n---\n", DiagnosticCodes.YamlNotMapping),
        ["mapping as a key"] = new(Valid.Replace("type: article", "? [a, b]\n: c", StringComparison.Ordinal), DiagnosticCodes.YamlInvalid, null, 5, 3),
        ["title missing"] = new(Without("title"), DiagnosticCodes.FieldMissing, "title"),
        ["title empty"] = new(With("title", "title: \"  \""), DiagnosticCodes.FieldMissing, "title", 2, 8),
        ["title is a list"] = new(With("title", "title: [a, b]"), DiagnosticCodes.FieldWrongType, "title", 2, 8),
        ["title too long"] = new(With("title", "title: " + new string('x', 1001)), DiagnosticCodes.FieldTooLong, "title", 2, 8),
        ["publishedDateTime missing"] = new(Without("publishedDateTime"), DiagnosticCodes.FieldMissing, "publishedDateTime"),
        ["publishedDateTime empty"] = new(With("publishedDateTime", "publishedDateTime: \"\""), DiagnosticCodes.FieldMissing, "publishedDateTime", 3, 20),
        ["impossible date 2021-02-30"] = new(With("publishedDateTime", "publishedDateTime: 2021-02-30T10:00:00Z"), DiagnosticCodes.DateInvalid, "publishedDateTime", 3, 20),
        ["ambiguous date 01/02/2021"] = new(With("publishedDateTime", "publishedDateTime: 01/02/2021"), DiagnosticCodes.DateInvalid, "publishedDateTime", 3, 20),
        ["hour 25"] = new(With("publishedDateTime", "publishedDateTime: 2021-08-27T25:00:00Z"), DiagnosticCodes.DateInvalid, "publishedDateTime", 3, 20),
        ["date in the future"] = new(With("publishedDateTime", "publishedDateTime: 2999-01-01T00:00:00Z"), DiagnosticCodes.DateInFuture, "publishedDateTime", 3, 20),
        ["date before 1990"] = new(With("publishedDateTime", "publishedDateTime: 1989-12-31T23:59:59Z"), DiagnosticCodes.DateOutOfRange, "publishedDateTime", 3, 20),
        ["date 0001-01-01"] = new(With("publishedDateTime", "publishedDateTime: 0001-01-01"), DiagnosticCodes.DateOutOfRange, "publishedDateTime", 3, 20),
        ["date 0001-01-01T00:00:00Z"] = new(With("publishedDateTime", "publishedDateTime: 0001-01-01T00:00:00Z"), DiagnosticCodes.DateOutOfRange, "publishedDateTime", 3, 20),
        ["date 9999-12-31"] = new(With("publishedDateTime", "publishedDateTime: 9999-12-31T23:59:59Z"), DiagnosticCodes.DateOutOfRange, "publishedDateTime", 3, 20),
        ["no URL at all"] = new(Without("webUrl"), DiagnosticCodes.UrlMissing, "webUrl"),
        ["javascript URL"] = new(With("webUrl", "webUrl: \"javascript:alert(1)\""), DiagnosticCodes.UrlInvalid, "webUrl", 4, 9),
        ["relative URL and no provider"] = new(Without("provider", "name", "domain").Replace("webUrl: https://example.com/news/hello", "webUrl: /news/hello", StringComparison.Ordinal), DiagnosticCodes.UrlInvalid, "webUrl", 4, 9),
        ["quality: \"high\""] = new(With("quality", "quality: \"high\""), DiagnosticCodes.FieldWrongType, "quality", 6, 10),
        ["quality: 7.5"] = new(With("quality", "quality: 7.5"), DiagnosticCodes.FieldWrongType, "quality", 6, 10),
        ["published: maybe"] = new(With("quality", "published: maybe"), DiagnosticCodes.FieldWrongType, "published", 6, 12),
        ["provider is text"] = new(Without("name", "domain").Replace("provider:", "provider: Example News", StringComparison.Ordinal), DiagnosticCodes.FieldWrongType, "provider", 7, 11),
        ["provider domain not a domain"] = new(Valid.Replace("domain: example.com", "domain: \"not a domain!\"", StringComparison.Ordinal), DiagnosticCodes.FieldInvalidValue, "provider.domain", 9, 11),
        ["duplicate key"] = new(Valid.Replace("type: article", "title: Hello again", StringComparison.Ordinal), DiagnosticCodes.YamlDuplicateKey, "title", 5, 1),
        ["duplicate nested key"] = new(Valid.Replace("  domain: example.com", "  name: Other", StringComparison.Ordinal), DiagnosticCodes.YamlDuplicateKey, "provider.name", 9, 3),
        ["billion laughs aliases"] = new(Valid.TrimEnd()[..^3] + BillionLaughs() + "---\n", DiagnosticCodes.YamlAlias, "lol1[0]", 13),
        ["deep nesting"] = new(Valid.Replace("type: article", "type: " + new string('[', 10_000) + new string(']', 10_000), StringComparison.Ordinal), DiagnosticCodes.YamlTooComplex, "type[0][0][0][0][0][0][0][0][0][0][0]", 5),
        ["list of 5000 topics"] = new(With("topics", "topics: [" + string.Join(", ", Enumerable.Range(0, 5000).Select(i => $"t{i}")) + "]").Replace("  - AI\n", "", StringComparison.Ordinal), DiagnosticCodes.FieldTooManyItems, "topics", 10, 9),
        ["60 topics"] = new(With("topics", "topics: [" + string.Join(", ", Enumerable.Range(0, 60).Select(i => $"t{i}")) + "]").Replace("  - AI\n", "", StringComparison.Ordinal), DiagnosticCodes.FieldTooManyItems, "topics", 10, 9),
        ["30 000 values"] = new(Valid.Replace("type: article", string.Join("\n", Enumerable.Range(0, 30).Select(i => $"x{i}: [" + string.Join(",", Enumerable.Repeat("1", 999)) + "]")), StringComparison.Ordinal), DiagnosticCodes.YamlTooComplex),
        ["value of 300 000 characters"] = new(With("title", "title: " + new string('x', 300_000)), DiagnosticCodes.FieldTooLong, "title", 2, 8),
        ["bytes that are not UTF-8"] = new(Latin1(With("title", "title: Économie")), DiagnosticCodes.FileNotUtf8, null, 2, 8),
        ["UTF-16 file"] = new([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Valid)], DiagnosticCodes.FileNotUtf8, null, 1, 1),
    };

    public static readonly IReadOnlyDictionary<string, OddFileCase> Odd = new Dictionary<string, OddFileCase>
    {
        ["the valid file"] = new(Valid, null, article =>
        {
            Assert.Equal("Hello world", article.Title);
            Assert.Equal("https://example.com/news/hello", article.Link);
            Assert.Empty(article.Warnings);
        }),
        ["control character in the text"] = new(With("title", "title: Hello\u0001 world"), DiagnosticCodes.TextControlCharacters, article => Assert.Equal("Hello world", article.Title)),
        ["NUL character, which YAML refuses"] = new(With("title", "title: Hello\0 world"), DiagnosticCodes.TextControlCharacters, article => Assert.Equal("Hello world", article.Title)),
        ["escaped control character"] = new(With("title", "title: \"Hello\\x07 world\""), DiagnosticCodes.TextControlCharacters, article => Assert.Equal("Hello world", article.Title)),
        ["relative URL"] = new(With("webUrl", "webUrl: /news/hello?id=1"), DiagnosticCodes.UrlRelative, article => Assert.Equal("https://example.com/news/hello?id=1", article.Link)),
        ["protocol-relative URL"] = new(With("webUrl", "webUrl: //example.com/news/hello"), null, article => Assert.Equal("https://example.com/news/hello", article.Link)),
        ["date without time zone"] = new(With("publishedDateTime", "publishedDateTime: 2021-08-27T16:15:00"), DiagnosticCodes.DateWithoutTimeZone, article => Assert.Equal(new DateTimeOffset(2021, 8, 27, 16, 15, 0, TimeSpan.Zero), article.PublishedDateTime)),
        ["date only"] = new(With("publishedDateTime", "publishedDateTime: 2021-08-27"), DiagnosticCodes.DateWithoutTimeZone, article => Assert.Equal(new DateTimeOffset(2021, 8, 27, 0, 0, 0, TimeSpan.Zero), article.PublishedDateTime)),
        ["date with offset"] = new(With("publishedDateTime", "publishedDateTime: 2021-08-28T00:15:00+08:00"), null, article => Assert.Equal(new DateTimeOffset(2021, 8, 27, 16, 15, 0, TimeSpan.Zero), article.PublishedDateTime)),
        ["YAML timestamp with space and fraction"] = new(With("publishedDateTime", "publishedDateTime: 2021-08-27 11:15:00.5 -05:00"), null, article => Assert.Equal(new DateTimeOffset(2021, 8, 27, 16, 15, 0, 500, TimeSpan.Zero), article.PublishedDateTime)),
        ["accented topic"] = new(Topics("Économie & Société"), null, article => Assert.Equal(("Économie & Société", "economie-societe"), (article.Topics[0].Name, article.Topics[0].Key))),
        ["topic without Latin letters"] = new(Topics("人工智能", "机器学习"), null, article =>
        {
            Assert.All(article.Topics, topic => Assert.Matches("^topic-[0-9a-f]{10}$", topic.Key));
            Assert.NotEqual(article.Topics[0].Key, article.Topics[1].Key);
        }),
        ["C++ and C# topics"] = new(Topics("C++", "C#", "C"), null, article => Assert.Equal(["c-plus-plus", "c-sharp", "c"], article.Topics.Select(t => t.Key))),
        ["duplicate topics AI and ' ai '"] = new(Topics("AI", " ai ", "Machine  Learning", "machine learning"), null, article => Assert.Equal([("AI", "ai"), ("Machine Learning", "machine-learning")], article.Topics.Select(t => (t.Name, t.Key)))),
        ["one topic as text"] = new(With("topics", "topics: Logistics").Replace("  - AI\n", "", StringComparison.Ordinal), DiagnosticCodes.TopicsNotAList, article => Assert.Equal(("Logistics", "logistics"), (Assert.Single(article.Topics).Name, article.Topics[0].Key))),
        ["entities in text fields"] = new(
            Valid.Replace("title: Hello world", "title: \"We&#8217;ve seen Q&amp;A &hellip; &amp;lt;b&amp;gt;\"", StringComparison.Ordinal)
                .Replace("  name: Example News", "  name: Smith &amp; Sons", StringComparison.Ordinal)
                .Replace("  - AI", "  - R&amp;D\nexcerpt: \"Caf&eacute; &lt;script&gt;alert(1)&lt;/script&gt; &#1;x\"", StringComparison.Ordinal),
            DiagnosticCodes.TextControlCharacters,
            article =>
            {
                Assert.Equal("We\u2019ve seen Q&A \u2026 &lt;b&gt;", article.Title);
                Assert.Equal("Smith & Sons", article.Provider.Name);
                Assert.Equal(("R&D", "r-d"), (article.Topics[0].Name, article.Topics[0].Key));
                Assert.Equal("Caf\u00e9 <script>alert(1)</script> x", article.Excerpt);
            }),
        ["entities in URLs are not decoded"] = new(With("webUrl", "webUrl: \"https://example.com/news?a=1&amp;b=2\""), null, article => Assert.Equal("https://example.com/news?a=1&amp;b=2", article.Link)),
        ["webUrl with user and password"] = new(With("webUrl", "webUrl: https://user:secret@example.com/news/hello"), DiagnosticCodes.UrlCredentialsRemoved, article =>
        {
            Assert.Equal("https://example.com/news/hello", article.Link);
            Assert.DoesNotContain("secret", System.Text.Json.JsonSerializer.Serialize(article, Feed.Core.Serialization.FeedJsonContext.Default.Article), StringComparison.Ordinal);
        }),
        ["provider domain with a port"] = new(Valid.Replace("domain: example.com", "domain: example.com:8080", StringComparison.Ordinal), DiagnosticCodes.DomainPortRemoved, article => Assert.Equal("example.com", article.Provider.Domain)),
        ["provider domain with a path"] = new(Valid.Replace("domain: example.com", "domain: https://example.com/news", StringComparison.Ordinal), DiagnosticCodes.DomainPathRemoved, article => Assert.Equal("example.com", article.Provider.Domain)),
        ["no topics"] = new(Without("topics").Replace("  - AI\n", "", StringComparison.Ordinal), DiagnosticCodes.TopicsMissing, article => Assert.Empty(article.Topics)),
        ["no provider"] = new(Without("provider", "name", "domain").Replace("https://example.com", "https://WWW.Example.com", StringComparison.Ordinal), DiagnosticCodes.ProviderMissing, article => Assert.Equal(("example.com", "example.com"), (article.Provider.Domain, article.Provider.Name))),
        ["provider without domain"] = new(Without("domain"), null, article => Assert.Equal(("example.com", "Example News"), (article.Provider.Domain, article.Provider.Name))),
        ["unknown type"] = new(With("type", "type: podcast"), DiagnosticCodes.FieldInvalidValue, article => Assert.Equal("podcast", article.Type)),
        ["unknown fields"] = new(Valid.Replace("type: article", "author: Jane Doe\nscore: 7\nprovider2:\n  a: [1, true]", StringComparison.Ordinal).Replace("  domain: example.com", "  domain: example.com\n  logo: x.png", StringComparison.Ordinal), DiagnosticCodes.FieldUnknown, article =>
        {
            Assert.Equal("""{"author":"Jane Doe","score":7,"provider2":{"a":[1,true]},"provider.logo":"x.png"}""", article.Extra!.ToJsonString());
            Assert.Equal(4, article.Warnings.Count(w => w.Code == DiagnosticCodes.FieldUnknown));
        }),
        ["body text after the front matter"] = new(Valid + "\nThe article's own text.\nSecond line.\n", null, article => Assert.Equal("The article's own text.\nSecond line.", article.Body)),
        ["byte order mark"] = new([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(Valid)], null, article => Assert.Equal("Hello world", article.Title)),
        ["CRLF line endings"] = new(Valid.Replace("\n", "\r\n", StringComparison.Ordinal), null, article => Assert.Equal(("Hello world", "example.com"), (article.Title, article.Provider.Domain))),
        ["'...' closes the front matter"] = new(Valid.TrimEnd()[..^3] + "...\n", null, article => Assert.Equal("Hello world", article.Title)),
        ["blank lines before the front matter"] = new("\n\n" + Valid, null, article => Assert.Equal("Hello world", article.Title)),
        ["quoted number"] = new(With("quality", "quality: \"77\""), null, article => Assert.Equal(77, article.Quality)),
        ["image without url"] = new(Valid.Replace("topics:", "images:\n  - width: 10\n  - url: https://example.com/i.png\n    width: 5\ntopics:", StringComparison.Ordinal), DiagnosticCodes.FieldMissing, article => Assert.Equal("https://example.com/i.png", Assert.Single(article.Images).Url)),
        ["anchor without alias"] = new(With("type", "type: &t article"), null, article => Assert.Equal("article", article.Type)),
        ["related article with every field"] = new(Valid.Replace("topics:", RelatedWithEverything + "topics:", StringComparison.Ordinal), DiagnosticCodes.FieldUnknown, article =>
        {
            var related = Assert.Single(article.Related);
            Assert.Equal(("Other story", "https://other.example/story", "https://other.example/original"), (related.Title, related.Url, related.OriginalUrl));
            Assert.Equal(("Other", "other.example", 40, "video"), (related.ProviderName, related.ProviderDomain, related.Quality, related.Type));
            Assert.Equal("https://other.example/logo.png", Assert.Single(related.ProviderImages).Url);
            Assert.Equal(300, Assert.Single(related.Images).Width);
            Assert.Equal(new DateTimeOffset(2021, 8, 26, 0, 0, 0, TimeSpan.Zero), related.PublishedDateTime);
            Assert.Equal("Jane", article.Extra!["related[0].author"]!.GetValue<string>());
        }),
    };

    private const string RelatedWithEverything = """
        related:
          - title: Other story
            excerpt: Also about it
            publishedDateTime: 2021-08-26T00:00:00Z
            webUrl: https://other.example/story
            originalUrl: https://other.example/original
            type: Video
            quality: 40
            author: Jane
            provider:
              name: Other
              domain: other.example
              images:
                - url: /logo.png
            images:
              - url: https://other.example/i.png
                width: 300

        """;

    /// <summary>The valid file with the line that starts with <paramref name="field"/> replaced.</summary>
    public static string With(string field, string line) =>
        string.Join('\n', Valid.Split('\n').Select(l => l.StartsWith(field + ":", StringComparison.Ordinal) ? line : l));

    /// <summary>The valid file without the lines of <paramref name="fields"/> (at any indentation).</summary>
    public static string Without(params string[] fields) =>
        string.Join('\n', Valid.Split('\n').Where(l => !fields.Any(f => l.TrimStart().StartsWith(f + ":", StringComparison.Ordinal))));

    private static string Topics(params string[] topics) =>
        Valid.Replace("  - AI\n", string.Concat(topics.Select(t => $"  - \"{t}\"\n")), StringComparison.Ordinal);

    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    private static string BillionLaughs()
    {
        var text = new StringBuilder("lol0: &lol0 [\"lol\"]\n");
        for (var level = 1; level <= 9; level++)
        {
            text.Append($"lol{level}: &lol{level} [").AppendJoin(", ", Enumerable.Repeat($"*lol{level - 1}", 9)).Append("]\n");
        }

        return text.ToString();
    }
}
