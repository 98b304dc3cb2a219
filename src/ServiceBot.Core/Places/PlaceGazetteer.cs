using System.Reflection;
using System.Text.RegularExpressions;
using ServiceBot.Understanding;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Places;

/// <summary>
/// The door plates the service knows, from lines "编码 | 名称 | 城市 | 区县 | 地址 | 最近的驿站" (<c>knowledge/places/places.txt</c>).
/// Cities and districts are checked against the city lexicon, so a place always names a city the tasks understand.
/// </summary>
public sealed partial class PlaceGazetteer
{
    private const string EmbeddedName = "ServiceBot.Places.places.txt";

    private readonly Dictionary<string, Place> _byCode;

    private PlaceGazetteer(IReadOnlyList<Place> places)
    {
        All = places;
        _byCode = places.ToDictionary(p => p.Code, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<Place> All { get; }

    /// <summary>The place with this code (any letter case), or null for an unknown or malformed code.</summary>
    public Place? Find(string? code)
        => code is { Length: > 0 and <= 40 } && _byCode.TryGetValue(code.Trim(), out var place) ? place : null;

    /// <summary>The gazetteer embedded in the assembly.</summary>
    public static PlaceGazetteer LoadDefault(CityGazetteer cities)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(EmbeddedName)
            ?? throw new InvalidOperationException($"embedded data file {EmbeddedName} is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), cities);
    }

    /// <exception cref="FormatException">Every problem found, one per line, each naming its line number.</exception>
    public static PlaceGazetteer Parse(string text, CityGazetteer cities)
    {
        var places = new List<Place>();
        var problems = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, number) in UnderstandingData.ContentLines(text))
        {
            var fields = line.Split('|').Select(f => f.Trim()).ToArray();
            if (fields.Length is < 5 or > 6 || fields[..5].Any(f => f.Length == 0))
            {
                problems.Add($"line {number}: expected \"编码 | 名称 | 城市 | 区县 | 地址 | 最近的驿站\": {line}");
                continue;
            }
            var (code, name, cityName, districtName, address) = (fields[0], fields[1], fields[2], fields[3], fields[4]);
            if (!CodePattern().IsMatch(code))
                problems.Add($"line {number}: code \"{code}\" is not of the form HD-CT-0001");
            else if (seen.TryGetValue(code, out var first))
                problems.Add($"line {number}: code {code} is already used on line {first}");
            else
                seen[code] = number;
            var city = cities.CityOf(cityName);
            if (city != cityName)
            {
                problems.Add(city is null
                    ? $"line {number}: unknown city \"{cityName}\" (not in knowledge/lexicons/cities.txt)"
                    : $"line {number}: write the city as \"{city}\", not \"{cityName}\"");
                continue;
            }
            if (cities.DistrictOf(city, districtName) != districtName)
            {
                problems.Add($"line {number}: \"{districtName}\" is not a district of {city} in knowledge/lexicons/cities.txt");
                continue;
            }
            places.Add(new Place(code.ToUpperInvariant(), name, city, districtName, address, fields.Length == 6 && fields[5].Length > 0 ? fields[5] : null));
        }
        if (problems.Count > 0) throw new FormatException(string.Join(Environment.NewLine, problems));
        return new PlaceGazetteer(places);
    }

    [GeneratedRegex(@"^[A-Za-z]{2}-[A-Za-z]{2}-\d{4}$")]
    private static partial Regex CodePattern();
}
