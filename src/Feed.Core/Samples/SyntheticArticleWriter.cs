using System.Globalization;
using System.Text;

namespace Feed.Core.Samples;

/// <summary>
/// Writes deterministic synthetic article files in the seed format (YAML front matter between <c>---</c> lines),
/// for load tests and benchmarks: the same options and index always give the same text, and nothing but the
/// index and <see cref="SyntheticArticleOptions.Seed"/> decides it (no clock, no randomness).
/// </summary>
/// <remarks>
/// Every article has a unique canonical webUrl <c>https://synthetic{provider}.example/articles/{index}</c> and a
/// distinct publishedDateTime (<see cref="SyntheticArticleOptions.StartDate"/> + index * spacing). Every 25th is a
/// video with a YouTube iframe as featuredContent, every other one has images, some have related articles or
/// AMP URLs, and some excerpts carry quotes, backslashes, <c>&amp;</c> and non-ASCII punctuation. All free-text
/// values are double-quoted YAML scalars with escaping. Instances are immutable and thread-safe.
/// </remarks>
public sealed class SyntheticArticleWriter
{
    private const ulong TopicSalt = 0x51A7_0001;
    private const ulong SharedSalt = 0x51A7_0002;
    private const ulong ProviderSalt = 0x51A7_0003;
    private const ulong TextSalt = 0x51A7_0004;
    private const ulong TokenSalt = 0x51A7_0005;
    private const ulong MetricSalt = 0x51A7_0006;
    private const ulong VideoSalt = 0x51A7_0007;
    private const ulong RelatedSalt = 0x51A7_0008;

    private static readonly string[] Subjects =
    [
        "Researchers", "Start-ups", "Regulators", "Cloud providers", "Hospital staff", "Engineers", "City officials",
        "Chip makers", "Open-source maintainers", "Retailers", "Universities", "Insurers",
    ];

    private static readonly string[] Verbs =
    [
        "test", "unveil", "question", "expand", "pause", "open-source", "benchmark", "regulate", "adopt", "rethink",
    ];

    private static readonly string[] Objects =
    [
        "warehouse robots", "language models", "GPU clusters", "low-code apps", "edge inference", "data centres",
        "facial recognition", "delivery drones", "serverless functions", "synthetic voices", "model audits",
        "energy budgets", "speech assistants", "training data",
    ];

    private static readonly string[] Sentences =
    [
        "The pilot ran for six months across three sites.",
        "Early numbers suggest costs fell by about a fifth.",
        "Critics say the results are hard to reproduce.",
        "The company plans a wider roll-out next year.",
        "Analysts expect competitors to follow within months.",
        "Details of the methodology were published alongside the announcement.",
        "Staff were retrained rather than replaced, officials said.",
        "The work builds on an earlier study from 2012.",
    ];

    // Values that exercise escaping and Unicode handling in readers of the files.
    private static readonly string[] Tricky =
    [
        "Officials called it \"a first step\" & promised more – soon…",
        "Le rapport évoque « une rupture » ; d’autres parlent d’un “effet de mode”.",
        "Paths like C:\\data\\models and regexes like \\d+ appear in the logs.",
        "Prices rose 12% (≈ €3.5bn) — “not a bubble”, the CFO insists: ‘we are careful’.",
        "Tokyo: 東京の研究所が発表 — 速報 ✓",
    ];

    private readonly SyntheticArticleOptions _options;
    private readonly string[] _topics;
    private readonly ulong _seed;

    /// <summary>Creates a writer; <paramref name="options"/> defaults to <see cref="SyntheticArticleOptions"/>'s defaults.</summary>
    public SyntheticArticleWriter(SyntheticArticleOptions? options = null)
    {
        _options = options ?? new SyntheticArticleOptions();
        _options.Validate();
        _seed = unchecked((ulong)(uint)_options.Seed * 0x9E37_79B9_7F4A_7C15UL) ^ 0xD1B5_4A32_D192_ED03UL;
        _topics = new string[_options.TopicCount];
        for (var i = 0; i < _topics.Length; i++)
        {
            _topics[i] = "Synthetic Topic " + (i + 1).ToString("D2", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The options in use.</summary>
    public SyntheticArticleOptions Options => _options;

    /// <summary>
    /// File name for an index: a zero-padded index (so names sort by index) and 16 hex characters derived from it,
    /// like the seeds' <c>000_2f0b49fc412bc3b3.txt</c>; e.g. <c>000042_….txt</c>.
    /// </summary>
    public static string FileName(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return string.Create(CultureInfo.InvariantCulture, $"{index:D6}_{Mix((ulong)index, 0x4649_4C45):x16}.txt");
    }

    /// <summary>The text of the article file for <paramref name="index"/> (0 or more).</summary>
    public string Write(int index)
    {
        var sb = new StringBuilder(2560);
        WriteTo(index, sb);
        return sb.ToString();
    }

    /// <summary>Appends the text of the article file for <paramref name="index"/> to <paramref name="destination"/>.</summary>
    public void WriteTo(int index, StringBuilder destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var published = PublishedDateTime(index);
        var sb = destination;
        var inv = CultureInfo.InvariantCulture;
        var provider = ProviderNumber(index);
        var video = IsVideo(index);
        var metrics = Hash(index, MetricSalt);
        var quality = (int)(metrics % 200) + 1;
        var heat = (metrics >> 16) % 7 == 0 ? -1 : quality - (int)((metrics >> 24) % 20);

        sb.Append("---\n");
        sb.Append("category: news\n");
        sb.Append("title: ");
        AppendQuoted(sb, Title(index));
        sb.Append("\nexcerpt: ");
        AppendQuoted(sb, Excerpt(index));
        sb.Append('\n');
        sb.Append(inv, $"publishedDateTime: {published.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}\n");

        var videoId = video ? VideoId(index) : null;
        sb.Append("originalUrl: ");
        if (videoId is not null)
        {
            AppendQuoted(sb, "https://youtube.com/watch?v=" + videoId);
        }
        else
        {
            AppendQuoted(sb, string.Create(inv, $"https://synthetic{provider}.example/articles/{index}?utm_source=synthetic"));
        }

        sb.Append("\nwebUrl: ");
        AppendQuoted(sb, WebUrl(index));
        sb.Append('\n');
        if (_options.AmpEvery > 3 && index % _options.AmpEvery == 3)
        {
            sb.Append(inv, $"ampWebUrl: \"https://amp.synthetic{provider}.example/articles/{index}\"\n");
            sb.Append(inv, $"cdnAmpWebUrl: \"https://amp-synthetic{provider}-example.cdn.ampproject.org/c/s/amp.synthetic{provider}.example/articles/{index}\"\n");
        }

        sb.Append(video ? "type: video\n" : "type: article\n");
        sb.Append(inv, $"quality: {quality}\n");
        sb.Append(inv, $"heat: {heat}\n");
        sb.Append((metrics >> 40) % 3 == 0 ? "published: false\n" : "published: true\n");
        sb.Append('\n');

        if (videoId is not null)
        {
            sb.Append("featuredContent: ");
            AppendQuoted(
                sb,
                "<iframe width=\"800\" height=\"500\" frameborder=\"0\" src=\"https://www.youtube.com/embed/" + videoId
                + "\" allow=\"accelerometer; autoplay; encrypted-media; gyroscope; picture-in-picture\" allowfullscreen></iframe>");
            sb.Append("\n\n");
        }

        AppendProvider(sb, provider, "", withImages: provider % 5 != 4);
        sb.Append('\n');

        sb.Append("topics:\n");
        if (HasSharedTopic(index))
        {
            sb.Append("  - ");
            AppendQuoted(sb, _options.SharedTopic);
            sb.Append('\n');
        }

        var topicHash = Hash(index, TopicSalt);
        var topicCount = Math.Min(_topics.Length, 1 + (int)(topicHash % 3));
        var first = (int)((topicHash >> 8) % (ulong)_topics.Length);
        for (var t = 0; t < topicCount; t++)
        {
            var topic = _topics[(first + t) % _topics.Length];
            if (string.Equals(topic, _options.SharedTopic, StringComparison.Ordinal))
            {
                continue;
            }

            sb.Append("  - ");
            AppendQuoted(sb, topic);
            sb.Append('\n');
        }

        sb.Append('\n');

        if (HasImages(index))
        {
            sb.Append("images:\n");
            if (videoId is not null)
            {
                sb.Append("  - url: \"https://i.ytimg.com/vi/").Append(videoId).Append("/maxresdefault.jpg\"\n");
                sb.Append("    width: 1280\n    height: 720\n    isCached: true\n");
            }
            else
            {
                sb.Append(inv, $"  - url: \"https://img.synthetic{provider}.example/articles/{index}/hero.jpg?w=1200&q=80\"\n");
                sb.Append("    width: 1200\n    height: 630\n");
                sb.Append((metrics >> 48) % 4 == 0 ? "    isCached: false\n" : "    isCached: true\n");
            }

            sb.Append('\n');
        }

        if (_options.RelatedEvery > 5 && index % _options.RelatedEvery == 5)
        {
            AppendRelated(sb, index, published);
            sb.Append('\n');
        }

        sb.Append("secured: \"");
        AppendToken(sb, index);
        sb.Append("\"\n---\n\n");
    }

    /// <summary>publishedDateTime of an index: StartDate + index * Spacing.</summary>
    public DateTimeOffset PublishedDateTime(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var offset = (decimal)index * _options.Spacing.Ticks;
        if (offset > DateTimeOffset.MaxValue.UtcTicks - TimeSpan.TicksPerDay - _options.StartDate.UtcTicks)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "The date of this index is past year 9999.");
        }

        return new DateTimeOffset(_options.StartDate.UtcTicks + (long)offset, TimeSpan.Zero);
    }

    /// <summary>The article's canonical URL, unique per index.</summary>
    public string WebUrl(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return string.Create(CultureInfo.InvariantCulture, $"https://synthetic{ProviderNumber(index)}.example/articles/{index}");
    }

    /// <summary>Provider number of an index (0 to ProviderCount - 1); its domain is <c>synthetic{n}.example</c>.</summary>
    public int ProviderNumber(int index) => (int)(Hash(index, ProviderSalt) % (ulong)_options.ProviderCount);

    /// <summary>Whether the article of an index carries <see cref="SyntheticArticleOptions.SharedTopic"/>.</summary>
    public bool HasSharedTopic(int index)
    {
        var share = _options.SharedTopicShare;
        if (share <= 0)
        {
            return false;
        }

        if (share >= 1)
        {
            return true;
        }

        // 53 random bits as a double in [0, 1).
        return (Hash(index, SharedSalt) >> 11) * (1.0 / (1UL << 53)) < share;
    }

    /// <summary>Whether the article of an index is a <c>type: video</c> with featuredContent.</summary>
    public bool IsVideo(int index) => _options.VideoEvery > 0 && (index + 1L) % _options.VideoEvery == 0;

    /// <summary>Whether the article of an index has an <c>images</c> list.</summary>
    public bool HasImages(int index) => _options.ImagesEvery > 0 && index % _options.ImagesEvery == 0;

    private string Title(int index)
    {
        var h = Hash(index, TextSalt);
        var subject = Subjects[h % (ulong)Subjects.Length];
        var verb = Verbs[(h >> 8) % (ulong)Verbs.Length];
        var obj = Objects[(h >> 16) % (ulong)Objects.Length];
        return (h >> 24) % 9 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{subject} {verb} {obj}: what changes for \"article {index}\"")
            : string.Create(CultureInfo.InvariantCulture, $"{subject} {verb} {obj} (synthetic #{index})");
    }

    private string Excerpt(int index)
    {
        var h = Hash(index, TextSalt) >> 32;
        var first = (int)(h % (ulong)Sentences.Length);
        var second = (first + 1 + (int)((h >> 8) % (ulong)(Sentences.Length - 1))) % Sentences.Length;
        var a = Sentences[first];
        var b = Sentences[second];
        return index % 5 == 2
            ? a + " " + Tricky[(h >> 16) % (ulong)Tricky.Length] + " " + b
            : a + " " + b;
    }

    private string VideoId(int index)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var h = Hash(index, VideoSalt);
        return string.Create(11, h, static (span, value) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[(int)(value & 63)];
                value >>= 6;
            }
        });
    }

    private static void AppendProvider(StringBuilder sb, int provider, string indent, bool withImages)
    {
        var inv = CultureInfo.InvariantCulture;
        sb.Append(indent).Append("provider:\n");
        sb.Append(indent).Append(inv, $"  name: \"Synthetic Provider {provider}\"\n");
        sb.Append(indent).Append(inv, $"  domain: \"synthetic{provider}.example\"\n");
        if (withImages)
        {
            sb.Append(indent).Append("  images:\n");
            sb.Append(indent).Append(inv, $"    - url: \"https://static.synthetic-assets.example/organizations/synthetic{provider}.example-50x50.jpg\"\n");
            sb.Append(indent).Append("      width: 50\n");
            sb.Append(indent).Append("      height: 50\n");
        }
    }

    private void AppendRelated(StringBuilder sb, int index, DateTimeOffset published)
    {
        var inv = CultureInfo.InvariantCulture;
        var h = Hash(index, RelatedSalt);
        var count = 1 + (int)(h % 2);
        sb.Append("related:\n");
        for (var k = 1; k <= count; k++)
        {
            var provider = (int)((h >> (8 * k)) % (ulong)_options.ProviderCount);
            sb.Append("  - title: ");
            AppendQuoted(sb, string.Create(inv, $"Follow-up {k} on synthetic article {index}"));
            sb.Append("\n    excerpt: ");
            AppendQuoted(sb, Sentences[(h >> (16 + k)) % (ulong)Sentences.Length]);
            sb.Append('\n');
            sb.Append(inv, $"    publishedDateTime: {published.AddHours(k).UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}\n");
            sb.Append(inv, $"    webUrl: \"https://synthetic{provider}.example/related/{index}-{k}\"\n");
            sb.Append("    type: article\n");
            AppendProvider(sb, provider, "    ", withImages: false);
            sb.Append(inv, $"    quality: {(int)((h >> (24 + k)) % 100) + 1}\n");
            if (k == 1)
            {
                sb.Append("    images:\n");
                sb.Append(inv, $"      - url: \"https://img.synthetic{provider}.example/related/{index}-{k}.jpg\"\n");
                sb.Append("        width: 800\n        height: 450\n        isCached: true\n");
            }
        }
    }

    private void AppendToken(StringBuilder sb, int index)
    {
        // An opaque base64 blob and a 16-byte tail separated by ';', shaped like the seeds' secured values.
        Span<byte> bytes = stackalloc byte[256 + 16];
        var state = Hash(index, TokenSalt);
        for (var i = 0; i < bytes.Length; i += 8)
        {
            BitConverter.TryWriteBytes(bytes[i..], SplitMix(ref state));
        }

        Span<char> chars = stackalloc char[344];
        Convert.TryToBase64Chars(bytes[..256], chars, out var written);
        sb.Append(chars[..written]).Append(';');
        Convert.TryToBase64Chars(bytes[256..], chars, out written);
        sb.Append(chars[..written]);
    }

    /// <summary>Appends a YAML double-quoted scalar: escapes backslash, quote, control and line-break characters.</summary>
    private static void AppendQuoted(StringBuilder sb, string value)
    {
        sb.Append('"');
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            string? escape = c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\u0085' => "\\N",
                '\u2028' => "\\L",
                '\u2029' => "\\P",
                _ => null,
            };
            if (escape is null && (c < ' ' || c == '\u007F' || c == '\uFEFF'))
            {
                escape = string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }

            if (escape is null)
            {
                continue;
            }

            sb.Append(value, start, i - start).Append(escape);
            start = i + 1;
        }

        sb.Append(value, start, value.Length - start).Append('"');
    }

    private ulong Hash(int index, ulong salt) => Mix(_seed ^ ((ulong)(uint)index * 0xBF58_476D_1CE4_E5B9UL), salt);

    private static ulong Mix(ulong value, ulong salt)
    {
        var state = value ^ (salt * 0x94D0_49BB_1331_11EBUL);
        return SplitMix(ref state);
    }

    private static ulong SplitMix(ref ulong state)
    {
        unchecked
        {
            state += 0x9E37_79B9_7F4A_7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
            return z ^ (z >> 31);
        }
    }
}
