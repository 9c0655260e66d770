using System.Globalization;
using System.Text;

namespace Feed.Core.Parsing;

/// <summary>
/// Where the parser is in the document (<c>related[0].provider.name</c>), kept as segments and formatted only when
/// a diagnostic needs it.
/// </summary>
internal sealed class FieldPathStack(int capacity)
{
    private (string? Key, int Index)[] _segments = new (string?, int)[Math.Max(capacity, 4)];
    private int _count;

    public void Push(string key) => Add((key, -1));

    public void Push(int index) => Add((null, index));

    public void Pop() => _count--;

    /// <summary>The path, or null at the top of the document.</summary>
    public string? Format()
    {
        if (_count == 0)
        {
            return null;
        }

        var text = new StringBuilder();
        for (var i = 0; i < _count; i++)
        {
            var (key, index) = _segments[i];
            if (key is null)
            {
                text.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else
            {
                text.Append(i == 0 ? "" : ".").Append(key);
            }
        }

        return text.ToString();
    }

    private void Add((string? Key, int Index) segment)
    {
        if (_count == _segments.Length)
        {
            Array.Resize(ref _segments, _count * 2);
        }

        _segments[_count++] = segment;
    }
}
