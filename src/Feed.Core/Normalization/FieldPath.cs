using System.Globalization;

namespace Feed.Core.Normalization;

/// <summary>
/// A field's path as diagnostics name it (<c>images[0].url</c>), formatted only when a diagnostic is written, so
/// that reading a valid file builds no path strings.
/// </summary>
internal readonly record struct FieldPath(string Parent, int Index = -1, string? Name = null)
{
    public static implicit operator FieldPath(string field) => new(field);

    public FieldPath Item(int index) => Index < 0 && Name is null ? new(Parent, index) : new(ToString(), index);

    public FieldPath Child(string name) => Name is null ? new(Parent, Index, name) : new(ToString(), -1, name);

    public override string ToString() =>
        (Index, Name) switch
        {
            (< 0, null) => Parent,
            (< 0, _) => $"{Parent}.{Name}",
            (_, null) => $"{Parent}[{Index.ToString(CultureInfo.InvariantCulture)}]",
            _ => $"{Parent}[{Index.ToString(CultureInfo.InvariantCulture)}].{Name}",
        };
}
