namespace ServiceBot.Understanding.Slots;

/// <summary>The lexicons slot extraction reads (knowledge/lexicons/*.txt).</summary>
public sealed record SlotLexicons(CityGazetteer Cities, AliasLexicon Platforms, AliasLexicon InsuranceTypes, AliasLexicon WithdrawalReasons,
    AliasLexicon Currencies)
{
    /// <summary>English names of the gazetteer's cities, beside cities.txt.</summary>
    public const string EnglishCityNames = "cities-en.txt";

    /// <summary>The lexicons embedded in the assembly.</summary>
    public static SlotLexicons LoadDefault() => new(
        CityGazetteer.Parse(UnderstandingData.ReadLexicon("cities.txt"), UnderstandingData.ReadLexicon(EnglishCityNames)),
        AliasLexicon.Parse(UnderstandingData.ReadLexicon("platforms.txt")),
        AliasLexicon.Parse(UnderstandingData.ReadLexicon("insurance-types.txt")),
        AliasLexicon.Parse(UnderstandingData.ReadLexicon("withdrawal-reasons.txt")),
        AliasLexicon.Parse(UnderstandingData.ReadLexicon("currencies.txt")));

    /// <summary>The lexicons in a folder laid out like knowledge/lexicons.</summary>
    public static SlotLexicons Load(string folder) => new(
        CityGazetteer.Parse(File.ReadAllText(Path.Combine(folder, "cities.txt")),
            File.Exists(Path.Combine(folder, EnglishCityNames)) ? File.ReadAllText(Path.Combine(folder, EnglishCityNames)) : null),
        AliasLexicon.Parse(File.ReadAllText(Path.Combine(folder, "platforms.txt"))),
        AliasLexicon.Parse(File.ReadAllText(Path.Combine(folder, "insurance-types.txt"))),
        AliasLexicon.Parse(File.ReadAllText(Path.Combine(folder, "withdrawal-reasons.txt"))),
        AliasLexicon.Parse(File.ReadAllText(Path.Combine(folder, "currencies.txt"))));
}
