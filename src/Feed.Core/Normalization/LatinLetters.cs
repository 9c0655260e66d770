namespace Feed.Core.Normalization;

/// <summary>
/// The ASCII letter under each accented Latin letter (<c>É</c> → <c>e</c>, <c>ş</c> → <c>s</c>, <c>ệ</c> → <c>e</c>):
/// the Unicode decompositions of Latin-1 Supplement, Latin Extended-A/B and Latin Extended Additional, as a table,
/// because <see cref="string.Normalize()"/> does nothing under invariant globalization (a host without ICU), and a
/// topic's key must not depend on the host.
/// </summary>
internal static class LatinLetters
{
    private const char FirstExtended = '\u00C0';
    private const char FirstAdditional = '\u1E00';

    // One character per code point from U+00C0 and from U+1E00; '.' where the letter has no ASCII base.
    private const string Extended =
        "aaaaaa.ceeeeiiii.nooooo..uuuuy..aaaaaa.ceeeeiiii.nooooo..uuuuy.yaaaaaaccccccccdd..eeeeeeeeeegggggggghh..iiiiiiiii...jjkk.llllll....nnnnnn...oooooo..rrrrrrsssssssstttt..uuuuuuuuuuuuwwyyyzzzzzz.................................oo.............uu............................aaiioouuuuuuuuuu.aaaa....ggkkoooo..j...gg..nnaa....aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy............................";

    private const string Additional =
        "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwy......aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy......";

    /// <summary>The lower-case ASCII letter <paramref name="c"/> is an accented form of, or '\0'.</summary>
    public static char BaseOf(char c)
    {
        var index = c - FirstExtended;
        var letter = (uint)index < Extended.Length ? Extended[index] : '.';
        if (letter == '.')
        {
            index = c - FirstAdditional;
            letter = (uint)index < Additional.Length ? Additional[index] : '.';
        }

        return letter == '.' ? '\0' : letter;
    }
}
