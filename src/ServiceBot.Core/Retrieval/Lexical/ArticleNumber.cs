using System.Text.RegularExpressions;

namespace ServiceBot.Retrieval.Lexical;

/// <summary>Reads the ordinal of an article heading such as 第一千二百五十四条 or 第二百八十七条之二.</summary>
public static partial class ArticleNumber
{
    [GeneratedRegex("第([零〇一二两三四五六七八九十百千万\\d]+)条(?:之([一二三四五六七八九十]+))?")]
    private static partial Regex ArticlePattern();

    /// <summary>A sortable position: 287.2 for 第二百八十七条之二; null when the text names no article.</summary>
    public static double? TryParse(string section)
    {
        var match = ArticlePattern().Match(section);
        if (!match.Success) return null;
        var main = ParseNumeral(match.Groups[1].Value);
        var sub = match.Groups[2].Success ? ParseNumeral(match.Groups[2].Value) : 0;
        return main + sub / 100.0;
    }

    /// <summary>Chinese numerals up to the thousands, or Arabic digits.</summary>
    public static int ParseNumeral(string numeral)
    {
        if (int.TryParse(numeral, out var arabic)) return arabic;
        int total = 0, current = 0;
        foreach (var c in numeral)
        {
            var digit = "零一二三四五六七八九".IndexOf(c);
            if (c == '〇') digit = 0;
            if (c == '两') digit = 2;
            if (digit >= 0) { current = digit; continue; }
            var unit = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 10000 };
            total += (current == 0 ? 1 : current) * unit;
            current = 0;
        }
        return total + current;
    }
}
