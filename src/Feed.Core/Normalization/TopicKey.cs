using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Feed.Core.Normalization;

/// <summary>
/// The URL-safe key of a topic feed: a readable slug ("Économie &amp; Société" → <c>economie-societe</c>,
/// "C++" → <c>c-plus-plus</c>), with a short hash of the name added where the slug alone would lose letters (so
/// "人工智能" gets a key of its own).
/// </summary>
public static class TopicKey
{
    private const int MaxSlugLength = 80;

    /// <summary>The name with runs of white space made one space and the ends trimmed: how a topic is displayed.</summary>
    public static string CollapseSpaces(string name)
    {
        var trimmed = name.AsSpan().Trim();
        var clean = trimmed.Length == name.Length;
        for (var i = 1; clean && i < trimmed.Length; i++)
        {
            clean = !char.IsWhiteSpace(trimmed[i]) || (trimmed[i] == ' ' && !char.IsWhiteSpace(trimmed[i - 1]));
        }

        return clean ? name : string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The form two topic names share when they are the same topic: case- and space-insensitive.</summary>
    public static string Fold(string name) => CollapseSpaces(name).Normalize(NormalizationForm.FormC).ToUpperInvariant();

    public static string Create(string name)
    {
        var folded = Fold(name);
        var slug = new StringBuilder(folded.Length + 8);
        var lostLetters = false;
        var pendingDash = false;
        // Decomposed, accents are marks of their own, dropped below; LatinLetters covers hosts without ICU.
        var decomposed = Ascii.IsValid(folded) ? folded : folded.Normalize(NormalizationForm.FormD);
        foreach (var upper in decomposed)
        {
            var c = char.ToLowerInvariant(upper);
            if (c >= 0x80)
            {
                if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                {
                    continue;
                }

                if (LatinLetters.BaseOf(c) is not '\0' and var letter)
                {
                    c = letter;
                }
            }

            var ascii = c switch
            {
                >= 'a' and <= 'z' or >= '0' and <= '9' => null,
                '+' => "plus",
                '#' => "sharp",
                'æ' => "ae",
                'œ' => "oe",
                'ø' => "o",
                'ß' => "ss",
                'ł' => "l",
                'đ' => "d",
                'ð' => "d",
                'þ' => "th",
                'ı' => "i",
                _ => "",
            };
            if (ascii is { Length: 0 })
            {
                lostLetters |= char.IsLetterOrDigit(c);
                pendingDash = slug.Length > 0;
                continue;
            }

            if (ascii is "plus" or "sharp")
            {
                pendingDash = slug.Length > 0;
            }

            if (pendingDash)
            {
                slug.Append('-');
                pendingDash = false;
            }

            if (ascii is null)
            {
                slug.Append(c);
            }
            else
            {
                slug.Append(ascii);
                pendingDash = ascii is "plus" or "sharp";
            }
        }

        if (slug.Length > MaxSlugLength)
        {
            slug.Length = MaxSlugLength;
            lostLetters = true;
        }

        var readable = slug.ToString().TrimEnd('-');
        if (!lostLetters && readable.Length > 0)
        {
            return readable;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(folded)))[..10];
        return readable.Length == 0 ? $"topic-{hash}" : $"{readable}-{hash}";
    }
}
