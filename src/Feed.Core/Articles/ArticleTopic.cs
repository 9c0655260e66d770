namespace Feed.Core.Articles;

/// <summary>A topic as named in the file, and the URL-safe key of its feed.</summary>
public sealed record ArticleTopic(string Name, string Key);
