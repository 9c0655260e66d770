using System.Text.RegularExpressions;
using Feed.Core.Articles;
using Feed.Core.Parsing;

namespace Feed.Core.Normalization;

/// <summary>Turns a parsed front-matter document into a normalized <see cref="Article"/>, or errors saying why not.</summary>
public sealed partial class ArticleNormalizer(NormalizationLimits limits, TimeProvider timeProvider)
{
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
        FrontMatterNode? categoryNode = null, titleNode = null, excerptNode = null, publishedDateTimeNode = null;
        FrontMatterNode? originalUrlNode = null, webUrlNode = null, ampWebUrlNode = null, cdnAmpWebUrlNode = null;
        FrontMatterNode? typeNode = null, qualityNode = null, heatNode = null, publishedNode = null, featuredContentNode = null;
        FrontMatterNode? providerField = null, topicsNode = null, imagesNode = null, relatedNode = null, securedNode = null;
        foreach (var (key, value) in root.Entries)
        {
            switch (key)
            {
                case "category": categoryNode = value; break;
                case "title": titleNode = value; break;
                case "excerpt": excerptNode = value; break;
                case "publishedDateTime": publishedDateTimeNode = value; break;
                case "originalUrl": originalUrlNode = value; break;
                case "webUrl": webUrlNode = value; break;
                case "ampWebUrl": ampWebUrlNode = value; break;
                case "cdnAmpWebUrl": cdnAmpWebUrlNode = value; break;
                case "type": typeNode = value; break;
                case "quality": qualityNode = value; break;
                case "heat": heatNode = value; break;
                case "published": publishedNode = value; break;
                case "featuredContent": featuredContentNode = value; break;
                case "provider": providerField = value; break;
                case "topics": topicsNode = value; break;
                case "images": imagesNode = value; break;
                case "related": relatedNode = value; break;
                case "secured": securedNode = value; break;
                default: fields.Unknown(key, value); break;
            }
        }

        var providerNode = fields.Mapping(providerField, "provider");
        FrontMatterNode? providerNameNode = null, providerDomainNode = null, providerImagesNode = null;
        if (providerNode is not null)
        {
            foreach (var (key, value) in providerNode.Entries)
            {
                switch (key)
                {
                    case "name": providerNameNode = value; break;
                    case "domain": providerDomainNode = value; break;
                    case "images": providerImagesNode = value; break;
                    default: fields.Unknown(new FieldPath("provider", -1, key), value); break;
                }
            }
        }

        var providerName = fields.PlainText(providerNameNode, "provider.name", 200);
        var providerDomainText = fields.Text(providerDomainNode, "provider.domain", 253);
        var providerDomain = providerDomainText is null ? null : NormalizeDomain(providerDomainText, "provider.domain", fields, providerDomainNode);

        var title = fields.PlainText(titleNode, "title", _limits.MaxTitleLength);
        if (title is null && !fields.HasErrorFor("title"))
        {
            fields.Error(DiagnosticCodes.FieldMissing, "title", "an article needs a title", titleNode ?? root);
        }

        var published = fields.Date(publishedDateTimeNode, "publishedDateTime");
        if (published is { } date)
        {
            CheckRange(date, "publishedDateTime", publishedDateTimeNode, fields);
        }
        else if (!fields.HasErrorFor("publishedDateTime"))
        {
            fields.Error(DiagnosticCodes.FieldMissing, "publishedDateTime", "an article needs a publication date", publishedDateTimeNode ?? root);
        }

        var originalUrl = Url(originalUrlNode, "originalUrl", providerDomain, fields);
        var webUrl = SameText(webUrlNode, originalUrlNode) ? originalUrl : Url(webUrlNode, "webUrl", providerDomain, fields);
        var ampWebUrl = Url(ampWebUrlNode, "ampWebUrl", providerDomain, fields);
        var cdnAmpWebUrl = Url(cdnAmpWebUrlNode, "cdnAmpWebUrl", providerDomain, fields);
        var link = webUrl ?? originalUrl;
        if (link is null && !fields.HasErrorFor("webUrl") && !fields.HasErrorFor("originalUrl"))
        {
            fields.Error(DiagnosticCodes.UrlMissing, "webUrl", "an article needs a webUrl or an originalUrl", webUrlNode ?? originalUrlNode ?? root);
        }

        var type = fields.Text(typeNode, "type", 50)?.ToLowerInvariant() ?? "article";
        if (type is not ("article" or "video"))
        {
            fields.Warning(DiagnosticCodes.FieldInvalidValue, "type", $"'{type}' is neither 'article' nor 'video'; kept as given", typeNode);
        }

        var quality = fields.Integer(qualityNode, "quality");
        var heat = fields.Integer(heatNode, "heat");
        var isPublished = fields.Boolean(publishedNode, "published");
        var featuredContent = fields.Text(featuredContentNode, "featuredContent", _limits.MaxExcerptLength);
        var featuredMediaUrl = featuredContent is null ? null : FeaturedMediaUrl(featuredContent, featuredContentNode, fields);

        if (providerDomain is null && link is not null)
        {
            providerDomain = DomainOf(link);
            if (providerNode is null && !fields.HasErrorFor("provider"))
            {
                fields.Warning(DiagnosticCodes.ProviderMissing, "provider", $"no provider; '{providerDomain}' taken from the article's link", root);
            }
        }

        var topics = Topics(topicsNode, fields);
        var images = Images(imagesNode, "images", providerDomain, fields);
        var providerImages = Images(providerImagesNode, "provider.images", providerDomain, fields);
        var related = Related(relatedNode, fields);
        var secured = fields.Text(securedNode, "secured", 64 * 1024);
        var category = fields.PlainText(categoryNode, "category", 200);
        var excerpt = fields.PlainText(excerptNode, "excerpt", _limits.MaxExcerptLength);
        string? body = null;
        if (document.Body is not null)
        {
            body = XmlText.Clean(document.Body, out var removed);
            if (removed > 0)
            {
                fields.Warning(DiagnosticCodes.TextControlCharacters, "body", $"{removed} character(s) that XML 1.0 forbids were removed", null);
            }
        }

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
            Extra = fields.Extra,
            Body = body,
            Warnings = Warnings(diagnostics),
        };
    }

    private static List<ArticleDiagnostic> Warnings(List<ArticleDiagnostic> diagnostics)
    {
        var warnings = new List<ArticleDiagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Severity == DiagnosticSeverity.Warning)
            {
                warnings.Add(diagnostic);
            }
        }

        return warnings;
    }

    private static bool SameText(FrontMatterNode? node, FrontMatterNode? other) =>
        node is FrontMatterScalar { IsNull: false } scalar && other is FrontMatterScalar { IsNull: false } otherScalar && scalar.Value == otherScalar.Value;

    private void CheckRange(DateTimeOffset date, FieldPath field, FrontMatterNode? node, FieldReader fields)
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

    private Uri? Url(FrontMatterNode? node, FieldPath field, string? providerDomain, FieldReader fields, bool required = true)
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

        if (!text.StartsWith('/') && Uri.TryCreate(text, UriKind.Absolute, out var absolute))
        {
            if (absolute.Scheme is "http" or "https" && absolute.Host.Length > 0)
            {
                return WithoutCredentials(absolute, field, node, fields);
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

    /// <summary>
    /// A URL with user information (<c>https://user:pass@host/</c>) loses it, with a warning: credentials are never
    /// published, and the article stays (its identity comes from the link without them).
    /// </summary>
    private static Uri WithoutCredentials(Uri url, FieldPath field, FrontMatterNode? node, FieldReader fields)
    {
        if (url.UserInfo.Length == 0)
        {
            return url;
        }

        var stripped = new UriBuilder(url) { UserName = "", Password = "" }.Uri;
        fields.Warning(DiagnosticCodes.UrlCredentialsRemoved, field, $"had a user name or password before its host; removed, never published: {stripped.AbsoluteUri}", node);
        return stripped;
    }

    private static string? NormalizeDomain(string text, FieldPath field, FieldReader fields, FrontMatterNode? node)
    {
        if (IsPlainDomain(text))
        {
            return text;
        }

        var candidate = text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text.TrimStart('/');
        if (Uri.TryCreate(candidate, UriKind.Absolute, out var uri) && uri.Host.Length > 0 && uri.HostNameType == UriHostNameType.Dns)
        {
            var domain = DomainOf(uri);
            if (uri.UserInfo.Length > 0)
            {
                fields.Warning(DiagnosticCodes.UrlCredentialsRemoved, field, $"'{FieldReader.Shorten(text)}' has a user name or password; the domain is '{domain}'", node);
            }

            if (!uri.IsDefaultPort)
            {
                fields.Warning(DiagnosticCodes.DomainPortRemoved, field, $"'{FieldReader.Shorten(text)}' has a port; a provider is its domain alone: '{domain}'", node);
            }

            if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            {
                fields.Warning(DiagnosticCodes.DomainPathRemoved, field, $"'{FieldReader.Shorten(text)}' has a path; a provider is its domain alone: '{domain}'", node);
            }

            return domain;
        }

        fields.Error(DiagnosticCodes.FieldInvalidValue, field, $"'{FieldReader.Shorten(text)}' is not a domain name", node);
        return null;
    }

    /// <summary>A domain already in normalized form: lower-case ASCII labels, no <c>www.</c>, no trailing dot.</summary>
    private static bool IsPlainDomain(string text)
    {
        if (text.Length is 0 or > 253 || text.StartsWith("www.", StringComparison.Ordinal) || text[0] is '.' or '-' || text[^1] is '.' or '-')
        {
            return false;
        }

        var dots = 0;
        var label = 0;
        var previous = '.';
        foreach (var c in text)
        {
            if (c == '.')
            {
                if (previous is '.' or '-')
                {
                    return false;
                }

                dots++;
                label = 0;
            }
            else if (++label > 63)
            {
                return false;
            }

            if (c != '.' && (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') || (c == '-' && previous == '.')))
            {
                return false;
            }

            previous = c;
        }

        return dots > 0;
    }

    private static string DomainOf(Uri uri)
    {
        var host = uri.IdnHost.ToLowerInvariant().TrimEnd('.');
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    private string? FeaturedMediaUrl(string featuredContent, FrontMatterNode? node, FieldReader fields)
    {
        if (featuredContent.IndexOf("<iframe", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return null;
        }

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
        IReadOnlyList<FrontMatterNode> items;
        if (node is FrontMatterScalar { IsNull: false } single)
        {
            fields.Warning(
                DiagnosticCodes.TopicsNotAList,
                "topics",
                $"is one text, not a list: read as the one topic '{FieldReader.Shorten(single.Value.Trim())}' (a list is written 'topics: [{FieldReader.Shorten(single.Value.Trim())}]' or one '- name' line per topic)",
                node);
            items = [single];
        }
        else
        {
            items = fields.Sequence(node, "topics", _limits.MaxTopics);
        }

        HashSet<string>? seen = null;
        for (var i = 0; i < items.Count; i++)
        {
            var name = fields.PlainText(items[i], new FieldPath("topics", i), _limits.MaxTopicLength);
            if (name is null)
            {
                continue;
            }

            // Names that make the same key are one topic: its feed is the same.
            var display = TopicKey.CollapseSpaces(name);
            var key = TopicKey.Create(display);
            seen ??= new HashSet<string>(StringComparer.Ordinal);
            if (seen.Add(key))
            {
                topics.Add(new ArticleTopic(display, key));
            }
        }

        if (topics.Count == 0 && !fields.HasErrorFor("topics"))
        {
            fields.Warning(DiagnosticCodes.TopicsMissing, "topics", "no topics; the article appears only in its provider's feed and the feed of all articles", node);
        }

        return topics;
    }

    private List<ArticleImage> Images(FrontMatterNode? node, FieldPath field, string? providerDomain, FieldReader fields)
    {
        var items = fields.Sequence(node, field, _limits.MaxImages);
        var images = new List<ArticleImage>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var path = field.Item(i);
            var image = fields.Mapping(items[i], path);
            if (image is null)
            {
                continue;
            }

            FrontMatterNode? urlNode = null, widthNode = null, heightNode = null, isCachedNode = null;
            foreach (var (key, value) in image.Entries)
            {
                switch (key)
                {
                    case "url": urlNode = value; break;
                    case "width": widthNode = value; break;
                    case "height": heightNode = value; break;
                    case "isCached": isCachedNode = value; break;
                    default: fields.Unknown(path.Child(key), value); break;
                }
            }

            var url = Url(urlNode, path.Child("url"), providerDomain, fields, required: false);
            var width = fields.Integer(widthNode, path.Child("width"));
            var height = fields.Integer(heightNode, path.Child("height"));
            var isCached = fields.Boolean(isCachedNode, path.Child("isCached"));
            if (url is not null)
            {
                images.Add(new ArticleImage { Url = url.AbsoluteUri, Width = width, Height = height, IsCached = isCached });
            }
            else if (urlNode is null)
            {
                fields.Warning(DiagnosticCodes.FieldMissing, path, "an image needs a url; left out", image);
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
            var path = new FieldPath("related", i);
            var item = fields.Mapping(items[i], path);
            if (item is null)
            {
                continue;
            }

            FrontMatterNode? titleNode = null, excerptNode = null, dateNode = null, webUrlNode = null, originalUrlNode = null;
            FrontMatterNode? ampNode = null, cdnAmpNode = null, typeNode = null, qualityNode = null, providerField = null, imagesNode = null;
            foreach (var (key, value) in item.Entries)
            {
                switch (key)
                {
                    case "title": titleNode = value; break;
                    case "excerpt": excerptNode = value; break;
                    case "publishedDateTime": dateNode = value; break;
                    case "webUrl": webUrlNode = value; break;
                    case "originalUrl": originalUrlNode = value; break;
                    case "ampWebUrl": ampNode = value; break;
                    case "cdnAmpWebUrl": cdnAmpNode = value; break;
                    case "type": typeNode = value; break;
                    case "quality": qualityNode = value; break;
                    case "provider": providerField = value; break;
                    case "images": imagesNode = value; break;
                    default: fields.Unknown(path.Child(key), value); break;
                }
            }

            var prefix = path.ToString();
            var provider = fields.Mapping(providerField, prefix + ".provider");
            FrontMatterNode? nameNode = null, domainNode = null, providerImagesNode = null;
            if (provider is not null)
            {
                foreach (var (key, value) in provider.Entries)
                {
                    switch (key)
                    {
                        case "name": nameNode = value; break;
                        case "domain": domainNode = value; break;
                        case "images": providerImagesNode = value; break;
                        default: fields.Unknown(new FieldPath(prefix + ".provider", -1, key), value); break;
                    }
                }
            }

            var domainText = fields.Text(domainNode, prefix + ".provider.domain", 253);
            var domain = domainText is null ? null : NormalizeDomain(domainText, prefix + ".provider.domain", fields, domainNode);
            var webUrl = Url(webUrlNode, path.Child("webUrl"), domain, fields, required: false);
            var originalUrl = Url(originalUrlNode, path.Child("originalUrl"), domain, fields, required: false);
            var title = fields.PlainText(titleNode, path.Child("title"), _limits.MaxTitleLength);
            var entry = new RelatedArticle
            {
                Title = title ?? "",
                Excerpt = fields.PlainText(excerptNode, path.Child("excerpt"), _limits.MaxExcerptLength),
                PublishedDateTime = fields.Date(dateNode, path.Child("publishedDateTime")),
                Url = (webUrl ?? originalUrl)?.AbsoluteUri ?? "",
                WebUrl = webUrl?.AbsoluteUri,
                OriginalUrl = originalUrl?.AbsoluteUri,
                AmpWebUrl = Url(ampNode, path.Child("ampWebUrl"), domain, fields, required: false)?.AbsoluteUri,
                CdnAmpWebUrl = Url(cdnAmpNode, path.Child("cdnAmpWebUrl"), domain, fields, required: false)?.AbsoluteUri,
                Type = fields.Text(typeNode, path.Child("type"), 50)?.ToLowerInvariant(),
                Quality = fields.Integer(qualityNode, path.Child("quality")),
                ProviderName = fields.PlainText(nameNode, prefix + ".provider.name", 200),
                ProviderDomain = domain ?? (webUrl ?? originalUrl) switch { { } url => DomainOf(url), null => null },
                ProviderImages = Images(providerImagesNode, prefix + ".provider.images", domain, fields),
                Images = Images(imagesNode, prefix + ".images", domain, fields),
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

    [GeneratedRegex("""<iframe\b[^>]*?\bsrc\s*=\s*(?:"(?<src>[^"]*)"|'(?<src>[^']*)'|(?<src>[^\s>]+))""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IframeSource();
}
