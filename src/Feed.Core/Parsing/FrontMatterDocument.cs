namespace Feed.Core.Parsing;

/// <summary>An article file split into its front matter and the body text after the closing <c>---</c>.</summary>
public sealed record FrontMatterDocument(FrontMatterMapping FrontMatter, string? Body);
