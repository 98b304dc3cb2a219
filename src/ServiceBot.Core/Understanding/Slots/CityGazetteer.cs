using ServiceBot.Text;

namespace ServiceBot.Understanding.Slots;

/// <summary>A city or district found in text. <see cref="District"/> is null for a bare city mention.</summary>
public sealed record PlaceMention(string City, string? District, int Start, int Length);

/// <summary>
/// Cities and their districts from lines "城市 | 省 | 区 区 …". A city matches with or without 市; a
/// district with its suffix anywhere, and without it (丛台) only right after its city, because short
/// district names (复兴, 朝阳) are ordinary words too. Other names of a city (English: Handan, Yiwu) come from
/// lines "城市: name, name" and match as whole Latin words, in any case.
/// </summary>
public sealed class CityGazetteer
{
    private static readonly string[] CitySuffixes = ["特别行政区", "市"];
    private static readonly string[] DistrictSuffixes = ["街道", "区", "县", "镇"];
    // A short city name followed by these is a street or a landmark: 中山路, 黄山公园.
    private static readonly string[] StreetSuffixes = ["路", "街", "大街", "大道", "道", "桥", "公园", "小区", "村", "站", "机场", "广场", "大厦"];

    private readonly Dictionary<string, string> _cityBySurface = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string City, string District)>> _districtsByFullName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, string>> _shortDistrictsByCity = new(StringComparer.Ordinal);
    private readonly int _longest;

    private CityGazetteer(IEnumerable<(string City, IReadOnlyList<string> Districts)> cities, AliasLexicon? otherNames)
    {
        var names = new List<string>();
        foreach (var (city, districts) in cities)
        {
            names.Add(city);
            _cityBySurface.TryAdd(city, city);
            if (Shorten(city, CitySuffixes) is { } shortCity) _cityBySurface.TryAdd(shortCity, city);
            var shortDistricts = _shortDistrictsByCity[city] = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var district in districts)
            {
                if (!_districtsByFullName.TryGetValue(district, out var owners)) _districtsByFullName[district] = owners = [];
                owners.Add((city, district));
                if (Shorten(district, DistrictSuffixes) is { } shortDistrict) shortDistricts.TryAdd(shortDistrict, district);
            }
        }
        foreach (var city in otherNames?.Canonicals ?? [])
        {
            if (!names.Contains(city)) throw new FormatException($"other names given for {city}, which is not in the gazetteer");
            foreach (var alias in otherNames!.AliasesOf(city)) _cityBySurface.TryAdd(alias, city);
        }
        Cities = names;
        _longest = _cityBySurface.Keys.Concat(_districtsByFullName.Keys).Max(k => k.Length);
    }

    public IReadOnlyList<string> Cities { get; }

    /// <param name="otherNames">Lines "城市: name, name" (knowledge/lexicons/cities-en.txt); every city must be in <paramref name="text"/>.</param>
    public static CityGazetteer Parse(string text, string? otherNames = null)
    {
        var cities = new List<(string, IReadOnlyList<string>)>();
        foreach (var (line, number) in UnderstandingData.ContentLines(text))
        {
            var fields = line.Split('|').Select(f => f.Trim()).ToArray();
            if (fields.Length is < 2 or > 3 || fields[0].Length == 0)
                throw new FormatException($"line {number}: expected \"城市 | 省 | 区 …\": {line}");
            var districts = fields.Length == 3 ? fields[2].Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
            cities.Add((fields[0], districts));
        }
        return new CityGazetteer(cities, otherNames is null ? null : AliasLexicon.Parse(otherNames));
    }

    /// <summary>The canonical city for a name with or without 市, or null.</summary>
    public string? CityOf(string name) => _cityBySurface.GetValueOrDefault(TextNormalizer.Normalize(name.Trim()));

    /// <summary>The canonical district of <paramref name="city"/> for a name with or without its suffix, or null.</summary>
    public string? DistrictOf(string city, string name)
    {
        name = name.Trim();
        if (_districtsByFullName.TryGetValue(name, out var owners) && owners.Any(o => o.City == city)) return name;
        return _shortDistrictsByCity.GetValueOrDefault(city)?.GetValueOrDefault(name);
    }

    /// <summary>Places in <paramref name="normalizedText"/>, left to right and non-overlapping.</summary>
    public IReadOnlyList<PlaceMention> FindAll(string normalizedText)
    {
        var mentions = new List<PlaceMention>();
        for (var i = 0; i < normalizedText.Length;)
        {
            var mention = MatchAt(normalizedText, i, mentions.LastOrDefault());
            if (mention is null) { i++; continue; }
            // A district right after its city (邯郸丛台区, 邯郸市丛台) refines that city mention.
            if (mention.District is not null && mentions.Count > 0 && mentions[^1] is { District: null } previous
                && previous.Start + previous.Length == mention.Start && previous.City == mention.City)
            {
                mentions[^1] = previous with { District = mention.District, Length = previous.Length + mention.Length };
            }
            else mentions.Add(mention);
            i = mention.Start + mention.Length;
        }
        return mentions;
    }

    private PlaceMention? MatchAt(string text, int start, PlaceMention? previous)
    {
        // Looked up by span: every position tries every length, and a substring for each would be garbage.
        var districts = _districtsByFullName.GetAlternateLookup<ReadOnlySpan<char>>();
        var cities = _cityBySurface.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var length = Math.Min(_longest, text.Length - start); length >= 2; length--)
        {
            var surface = text.AsSpan(start, length);
            if (districts.TryGetValue(surface, out var owners))
            {
                // An ambiguous district (朝阳区) belongs to the city just mentioned, else to the first listed.
                var owner = previous is not null && owners.Any(o => o.City == previous.City)
                    ? owners.First(o => o.City == previous.City) : owners[0];
                return new PlaceMention(owner.City, owner.District, start, length);
            }
            if (cities.TryGetValue(surface, out var city))
            {
                // A Latin name (Handan, Xi'an) is a whole word, never part of a longer one.
                if (char.IsAsciiLetter(surface[0]) && (start > 0 && char.IsAsciiLetter(text[start - 1])
                    || start + length < text.Length && char.IsAsciiLetter(text[start + length]))) continue;
                if (!surface.SequenceEqual(city) && FollowedByAny(text, start + length, StreetSuffixes)) continue;
                return new PlaceMention(city, null, start, length);
            }
            if (previous is { District: null } && previous.Start + previous.Length == start
                && _shortDistrictsByCity.TryGetValue(previous.City, out var shortDistricts)
                && shortDistricts.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(surface, out var district))
                return new PlaceMention(previous.City, district, start, length);
        }
        return null;
    }

    private static bool FollowedByAny(string text, int index, string[] suffixes)
        => suffixes.Any(s => string.CompareOrdinal(text, index, s, 0, s.Length) == 0);

    private static string? Shorten(string name, string[] suffixes)
    {
        foreach (var suffix in suffixes)
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length - suffix.Length >= 2)
                return name[..^suffix.Length];
        return null;
    }
}
