using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Feed.Core.Articles;
using Feed.Core.Parsing;

namespace Feed.Core.Normalization;

/// <summary>Turns a parsed front-matter document into a normalized <see cref="Article"/>, or errors saying why not.</summary>
public sealed partial class ArticleNormalizer(NormalizationLimits limits, TimeProvider timeProvider)
{
    private static readonly HashSet<string> KnownFields =
    [
        "category", "title", "excerpt", "publishedDateTime", "originalUrl", "webUrl", "ampWebUrl", "cdnAmpWebUrl",
        "type", "quality", "heat", "published", "featuredContent", "provider", "topics", "images", "related", "secured",
    ];

    private readonly NormalizationLimits _limits = limits;
    private readonly TimeProvider _timeProvider = timeProvider;

    public ArticleNormalizer()
        : this(NormalizationLimits.Default, TimeProvider.System)
    {
    }

    /// <summary>Normalizes <paramref name="document"/>; returns null when <paramref name="diagnostics"/> gained an error.</summary>
    public Article? Normalize(FrontMatterDocument document, List<ArticleDiagnostic> diagnostics)
    {
        var fields = new FieldReader(diagnostics, _limits);
        var root = document.FrontMatter;

        var providerNode = fields.Mapping(root["provider"], "provider");
        var providerName = fields.Text(providerNode?["name"], "provider.name", 200);
        var providerDomainText = fields.Text(providerNode?["domain"], "provider.domain", 253);
        var providerDomain = providerDomainText is null ? null : NormalizeDomain(providerDomainText, fields, providerNode?["domain"]);

        var title = fields.Text(root["title"], "title", _limits.MaxTitleLength);
        if (title is null && !diagnostics.Exists(d => d.Field == "title"))
        {
            fields.Error(DiagnosticCodes.FieldMissing, "title", "an article needs a title", root["title"] ?? root);
        }

        var published = fields.Date(root["publishedDateTime"], "publishedDateTime");
        if (published is null && root["publishedDateTime"] is null or FrontMatterScalar { IsNull: true })
        {
            fields.Error(DiagnosticCodes.FieldMissing, "publishedDateTime", "an article needs a publication date", root["publishedDateTime"] ?? root);
        }
        else if (published is { } date)
        {
            CheckRange(date, "publishedDateTime", root["publishedDateTime"], fields);
        }

        var originalUrl = Url(root["originalUrl"], "originalUrl", providerDomain, fields);
        var webUrl = Url(root["webUrl"], "webUrl", providerDomain, fields);
        var ampWebUrl = Url(root["ampWebUrl"], "ampWebUrl", providerDomain, fields);
        var cdnAmpWebUrl = Url(root["cdnAmpWebUrl"], "cdnAmpWebUrl", providerDomain, fields);
        var link = webUrl ?? originalUrl;
        if (link is null && !HasUrlError(diagnostics))
        {
            fields.Error(DiagnosticCodes.UrlMissing, "webUrl", "an article needs a webUrl or an originalUrl", root);
        }

        var type = fields.Text(root["type"], "type", 50)?.ToLowerInvariant() ?? "article";
        if (type is not ("article" or "video"))
        {
            fields.Warning(DiagnosticCodes.FieldInvalidValue, "type", $"'{type}' is neither 'article' nor 'video'; kept as given", root["type"]);
        }

        var quality = fields.Integer(root["quality"], "quality");
        var heat = fields.Integer(root["heat"], "heat");
        var isPublished = fields.Boolean(root["published"], "published");
        var featuredContent = fields.Text(root["featuredContent"], "featuredContent", _limits.MaxExcerptLength);
        var featuredMediaUrl = featuredContent is null ? null : FeaturedMediaUrl(featuredContent, root["featuredContent"], fields);

        if (providerDomain is null && link is not null)
        {
            providerDomain = DomainOf(link);
        }

        if (providerNode is null && link is not null)
        {
            fields.Warning(DiagnosticCodes.ProviderMissing, "provider", $"no provider; '{providerDomain}' taken from the article's link", root);
        }

        var topics = Topics(root["topics"], fields);
        var images = Images(root["images"], "images", providerDomain, fields);
        var providerImages = Images(providerNode?["images"], "provider.images", providerDomain, fields);
        var related = Related(root["related"], fields);
        var extra = Extra(root, fields);
        var secured = fields.Text(root["secured"], "secured", 64 * 1024);
        var category = fields.Text(root["category"], "category", 200);
        var excerpt = fields.Text(root["excerpt"], "excerpt", _limits.MaxExcerptLength);

        if (fields.HasErrors || title is null || published is null || link is null || providerDomain is null)
        {
            return null;
        }

        return new Article
        {
            Id = ArticleIdentity.FromLink(link),
            Category = category,
            Title = title,
            Excerpt = excerpt,
            PublishedDateTime = published.Value,
            Updated = published.Value,
            Link = link.AbsoluteUri,
            OriginalUrl = originalUrl?.AbsoluteUri,
            WebUrl = webUrl?.AbsoluteUri,
            AmpWebUrl = ampWebUrl?.AbsoluteUri,
            CdnAmpWebUrl = cdnAmpWebUrl?.AbsoluteUri,
            Type = type,
            Quality = quality,
            Heat = heat,
            Published = isPublished,
            FeaturedContent = featuredContent,
            FeaturedMediaUrl = featuredMediaUrl,
            Provider = new ArticleProvider { Name = providerName ?? providerDomain, Domain = providerDomain, Images = providerImages },
            Topics = topics,
            Images = images,
            Related = related,
            Secured = secured,
            Extra = extra,
            Body = document.Body is null ? null : XmlText.Clean(document.Body, out _),
            Warnings = [.. diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning)],
        };
    }

    private static bool HasUrlError(List<ArticleDiagnostic> diagnostics) =>
        diagnostics.Exists(d => d.Severity == DiagnosticSeverity.Error && d.Field is "webUrl" or "originalUrl");

    private void CheckRange(DateTimeOffset date, string field, FrontMatterNode? node, FieldReader fields)
    {
        var now = _timeProvider.GetUtcNow();
        if (date > now + _limits.FutureTolerance)
        {
            fields.Error(
                DiagnosticCodes.DateInFuture,
                field,
                $"{date:yyyy-MM-ddTHH:mm:ssZ} is in the future; feeds must not carry future dates, so upload the article once it is published",
                node);
        }
        else if (date < _limits.EarliestDate)
        {
            fields.Error(DiagnosticCodes.DateOutOfRange, field, $"{date:yyyy-MM-ddTHH:mm:ssZ} is before {_limits.EarliestDate:yyyy}", node);
        }
    }

    private Uri? Url(FrontMatterNode? node, string field, string? providerDomain, FieldReader fields, bool required = true)
    {
        var text = fields.Text(node, field, _limits.MaxUrlLength);
        if (text is null)
        {
            return null;
        }

        if (text.StartsWith("//", StringComparison.Ordinal))
        {
            text = "https:" + text;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var absolute) && !text.StartsWith('/'))
        {
            if (absolute.Scheme is "http" or "https" && absolute.Host.Length > 0)
            {
                return absolute;
            }

            Report(DiagnosticCodes.UrlInvalid, $"'{FieldReader.Shorten(text)}' is not an http or https URL");
            return null;
        }

        if (providerDomain is not null && Uri.TryCreate(text, UriKind.Relative, out var relative)
            && Uri.TryCreate(new Uri("https://" + providerDomain + "/"), relative, out var resolved))
        {
            fields.Warning(DiagnosticCodes.UrlRelative, field, $"relative URL '{FieldReader.Shorten(text)}' resolved against the provider's domain: {resolved.AbsoluteUri}", node);
            return resolved;
        }

        Report(DiagnosticCodes.UrlInvalid, $"'{FieldReader.Shorten(text)}' is not an absolute URL, and there is no provider domain to resolve it against");
        return null;

        void Report(string code, string message)
        {
            if (required)
            {
                fields.Error(code, field, message, node);
            }
            else
            {
                fields.Warning(code, field, message + "; left out", node);
            }
        }
    }

    private static string? NormalizeDomain(string text, FieldReader fields, FrontMatterNode? node)
    {
        var candidate = text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text.TrimStart('/');
        if (Uri.TryCreate(candidate, UriKind.Absolute, out var uri) && uri.Host.Length > 0 && uri.HostNameType == UriHostNameType.Dns)
        {
            return DomainOf(uri);
        }

        fields.Error(DiagnosticCodes.FieldInvalidValue, "provider.domain", $"'{FieldReader.Shorten(text)}' is not a domain name", node);
        return null;
    }

    private static string DomainOf(Uri uri)
    {
        var host = uri.IdnHost.ToLowerInvariant().TrimEnd('.');
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    private string? FeaturedMediaUrl(string featuredContent, FrontMatterNode? node, FieldReader fields)
    {
        var match = IframeSource().Match(featuredContent);
        if (!match.Success)
        {
            return null;
        }

        var source = System.Net.WebUtility.HtmlDecode(match.Groups["src"].Value);
        return Url(new FrontMatterScalar(source, false, node?.Line ?? 0, node?.Column ?? 0), "featuredContent", null, fields, required: false)?.AbsoluteUri;
    }

    private List<ArticleTopic> Topics(FrontMatterNode? node, FieldReader fields)
    {
        var topics = new List<ArticleTopic>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var items = fields.Sequence(node, "topics", _limits.MaxTopics);
        for (var i = 0; i < items.Count; i++)
        {
            var name = fields.Text(items[i], $"topics[{i}]", _limits.MaxTopicLength);
            if (name is not null && seen.Add(TopicKey.Fold(name)))
            {
                topics.Add(new ArticleTopic(string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), TopicKey.Create(name)));
            }
        }

        if (topics.Count == 0 && !fields.HasErrors)
        {
            fields.Warning(DiagnosticCodes.TopicsMissing, "topics", "no topics; the article appears only in its provider's feed and the feed of all articles", node);
        }

        return topics;
    }

    private List<ArticleImage> Images(FrontMatterNode? node, string field, string? providerDomain, FieldReader fields)
    {
        var images = new List<ArticleImage>();
        var items = fields.Sequence(node, field, _limits.MaxImages);
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"{field}[{i}]";
            var image = fields.Mapping(items[i], path);
            if (image is null)
            {
                continue;
            }

            var url = Url(image["url"], path + ".url", providerDomain, fields, required: false);
            var width = fields.Integer(image["width"], path + ".width");
            var height = fields.Integer(image["height"], path + ".height");
            var isCached = fields.Boolean(image["isCached"], path + ".isCached");
            if (url is not null)
            {
                images.Add(new ArticleImage { Url = url.AbsoluteUri, Width = width, Height = height, IsCached = isCached });
            }
        }

        return images;
    }

    private List<RelatedArticle> Related(FrontMatterNode? node, FieldReader fields)
    {
        var related = new List<RelatedArticle>();
        var items = fields.Sequence(node, "related", _limits.MaxRelated);
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"related[{i}]";
            var item = fields.Mapping(items[i], path);
            if (item is null)
            {
                continue;
            }

            var provider = fields.Mapping(item["provider"], path + ".provider");
            var domainText = fields.Text(provider?["domain"], path + ".provider.domain", 253);
            var domain = domainText is null ? null : NormalizeDomain(domainText, fields, provider?["domain"]);
            var webUrl = Url(item["webUrl"], path + ".webUrl", domain, fields, required: false);
            var originalUrl = Url(item["originalUrl"], path + ".originalUrl", domain, fields, required: false);
            var title = fields.Text(item["title"], path + ".title", _limits.MaxTitleLength);
            var publishedDate = fields.Date(item["publishedDateTime"], path + ".publishedDateTime");
            var entry = new RelatedArticle
            {
                Title = title ?? "",
                Excerpt = fields.Text(item["excerpt"], path + ".excerpt", _limits.MaxExcerptLength),
                PublishedDateTime = publishedDate,
                Url = (webUrl ?? originalUrl)?.AbsoluteUri ?? "",
                WebUrl = webUrl?.AbsoluteUri,
                AmpWebUrl = Url(item["ampWebUrl"], path + ".ampWebUrl", domain, fields, required: false)?.AbsoluteUri,
                CdnAmpWebUrl = Url(item["cdnAmpWebUrl"], path + ".cdnAmpWebUrl", domain, fields, required: false)?.AbsoluteUri,
                Type = fields.Text(item["type"], path + ".type", 50)?.ToLowerInvariant(),
                Quality = fields.Integer(item["quality"], path + ".quality"),
                ProviderName = fields.Text(provider?["name"], path + ".provider.name", 200),
                ProviderDomain = domain,
                Images = Images(item["images"], path + ".images", domain, fields),
            };

            if (entry.Title.Length == 0 || entry.Url.Length == 0)
            {
                fields.Warning(DiagnosticCodes.FieldMissing, path, "a related article needs a title and a URL; left out", items[i]);
                continue;
            }

            related.Add(entry);
        }

        return related;
    }

    private static JsonObject? Extra(FrontMatterMapping root, FieldReader fields)
    {
        JsonObject? extra = null;
        foreach (var (key, value) in root.Entries)
        {
            if (KnownFields.Contains(key))
            {
                continue;
            }

            fields.Warning(DiagnosticCodes.FieldUnknown, key, "is not a field of the article format; kept under 'extra'", value);
            extra ??= [];
            extra[key] = ToJson(value);
        }

        return extra;
    }

    private static JsonNode? ToJson(FrontMatterNode node) => node switch
    {
        FrontMatterScalar { IsNull: true } => null,
        FrontMatterScalar { IsPlain: true } scalar when long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => number,
        FrontMatterScalar { IsPlain: true, Value: "true" or "True" or "TRUE" } => true,
        FrontMatterScalar { IsPlain: true, Value: "false" or "False" or "FALSE" } => false,
        FrontMatterScalar scalar => XmlText.Clean(scalar.Value, out _),
        FrontMatterSequence sequence => new JsonArray([.. sequence.Items.Select(ToJson)]),
        FrontMatterMapping mapping => new JsonObject(mapping.Entries.Select(e => KeyValuePair.Create(e.Key, ToJson(e.Value)))),
        _ => null,
    };

    [GeneratedRegex("""<iframe\b[^>]*?\bsrc\s*=\s*(?:"(?<src>[^"]*)"|'(?<src>[^']*)'|(?<src>[^\s>]+))""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IframeSource();
}
