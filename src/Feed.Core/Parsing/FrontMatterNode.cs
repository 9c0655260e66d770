namespace Feed.Core.Parsing;

/// <summary>A node of a front-matter document, with the 1-based position of its start in the file.</summary>
public abstract class FrontMatterNode(int line, int column)
{
    public int Line { get; } = line;

    public int Column { get; } = column;

    /// <summary>The YAML kind, as errors name it: <c>text</c>, <c>list</c> or <c>mapping</c>.</summary>
    public abstract string KindName { get; }
}
