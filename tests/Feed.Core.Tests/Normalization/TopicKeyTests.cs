using Feed.Core.Feeds;
using Feed.Core.Normalization;

namespace Feed.Core.Tests.Normalization;

public sealed class TopicKeyTests
{
    [Theory]
    [InlineData("Économie & Société", "economie-societe")]
    [InlineData("E\u0301conomie", "economie")]
    [InlineData("Power Apps", "power-apps")]
    [InlineData("  AI  ", "ai")]
    [InlineData("Tiếng Việt", "tieng-viet")]
    [InlineData("Straße", "strasse")]
    [InlineData("C++", "c-plus-plus")]
    [InlineData("C#", "c-sharp")]
    [InlineData(".NET", "net")]
    // Keys name feed URLs, so a name that needs a hash must keep its key from one version to the next.
    [InlineData("人工智能", "topic-161332dd5b")]
    [InlineData("AI 人工智能", "ai-7776d06732")]
    public void Create_Name_ReadableStableUrlSafeKey(string name, string expected)
    {
        var key = TopicKey.Create(name);

        Assert.Equal(expected, key);
        Assert.True(FeedPath.IsValidKey(key), $"'{key}' is not a valid feed key");
    }

    [Theory]
    [InlineData("AI", " ai ")]
    [InlineData("Machine Learning", "machine   LEARNING")]
    [InlineData("Économie", "ÉCONOMIE")]
    public void Create_SameTopicWrittenDifferently_SameKey(string name, string other) =>
        Assert.Equal(TopicKey.Create(name), TopicKey.Create(other));

    [Theory]
    [InlineData("人工智能", "机器学习")]
    [InlineData("C++", "C#")]
    [InlineData("AI 人工智能", "AI 机器学习")]
    public void Create_DifferentTopics_DifferentKeys(string name, string other) =>
        Assert.NotEqual(TopicKey.Create(name), TopicKey.Create(other));
}
