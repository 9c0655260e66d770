namespace Feed.Core.Parsing;

public sealed class FrontMatterSequence(IReadOnlyList<FrontMatterNode> items, int line, int column) : FrontMatterNode(line, column)
{
    public IReadOnlyList<FrontMatterNode> Items { get; } = items;

    public override string KindName => "list";
}
