using System.Buffers;

namespace Feed.Core.Normalization;

/// <summary>Removes the characters XML 1.0 forbids, so that no article can make a feed unreadable.</summary>
public static class XmlText
{
    private static readonly SearchValues<char> Suspicious = SearchValues.Create(BuildSuspicious());

    /// <summary>The index of the first character that may be forbidden (a lone surrogate, a C0 control), or -1.</summary>
    public static int IndexOfForbidden(string value)
    {
        var span = value.AsSpan();
        var offset = 0;
        while (true)
        {
            var index = span.IndexOfAny(Suspicious);
            if (index < 0)
            {
                return -1;
            }

            var c = span[index];
            if (char.IsHighSurrogate(c) && index + 1 < span.Length && char.IsLowSurrogate(span[index + 1]))
            {
                offset += index + 2;
                span = span[(index + 2)..];
                continue;
            }

            return offset + index;
        }
    }

    /// <summary>Returns <paramref name="value"/> without forbidden characters, and how many were removed.</summary>
    public static string Clean(string value, out int removed)
    {
        removed = 0;
        var first = value.AsSpan().IndexOfAny(Suspicious);
        if (first < 0)
        {
            return value;
        }

        var builder = new System.Text.StringBuilder(value.Length);
        builder.Append(value.AsSpan(0, first));
        for (var i = first; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
            }
            else if (IsAllowed(c))
            {
                builder.Append(c);
            }
            else
            {
                removed++;
            }
        }

        return builder.ToString();
    }

    private static bool IsAllowed(char c) =>
        c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);

    private static string BuildSuspicious()
    {
        var chars = new System.Text.StringBuilder();
        for (var c = 0; c < 0x20; c++)
        {
            if (c is not ('\t' or '\n' or '\r'))
            {
                chars.Append((char)c);
            }
        }

        for (var c = 0xD800; c <= 0xDFFF; c++)
        {
            chars.Append((char)c);
        }

        chars.Append('\uFFFE').Append('\uFFFF');
        return chars.ToString();
    }
}
