using Feed.Core.Articles;
using Feed.Core.Feeds;

namespace Feed.Testing.Feeds;

/// <summary>Which articles each feed must list, worked out from the articles themselves (all, their topics, their provider).</summary>
public sealed class ExpectedFeeds
{
    public Dictionary<FeedKey, HashSet<string>> Members { get; } = [];

    public int Articles { get; private set; }

    public static ExpectedFeeds From(IEnumerable<Article> articles)
    {
        var expected = new ExpectedFeeds();
        foreach (var article in articles)
        {
            expected.Articles++;
            foreach (var key in FeedKey.For(article))
            {
                if (!expected.Members.TryGetValue(key, out var ids))
                {
                    expected.Members[key] = ids = [];
                }

                ids.Add(article.Id);
            }
        }

        return expected;
    }
}
