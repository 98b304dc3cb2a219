using Microsoft.Extensions.Options;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Places;

/// <summary>Fails at start when the gazetteer cannot be read: a missing file, a malformed line, a duplicate code, an unknown city.</summary>
public sealed class PlacesOptionsValidator : IValidateOptions<PlacesOptions>
{
    public ValidateOptionsResult Validate(string? name, PlacesOptions options)
    {
        try
        {
            PlaceGazetteerLoader.Load(options, SlotLexicons.LoadDefault().Cities);
            return ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            return ValidateOptionsResult.Fail($"Places:Path '{options.Path ?? "(built in)"}': {e.Message}");
        }
    }
}

/// <summary>Reads the configured gazetteer, or the built-in one.</summary>
public static class PlaceGazetteerLoader
{
    public static PlaceGazetteer Load(PlacesOptions options, CityGazetteer cities)
    {
        if (string.IsNullOrWhiteSpace(options.Path)) return PlaceGazetteer.LoadDefault(cities);
        if (!File.Exists(options.Path)) throw new FileNotFoundException($"the gazetteer file does not exist (resolved to {System.IO.Path.GetFullPath(options.Path)})");
        return PlaceGazetteer.Parse(File.ReadAllText(options.Path), cities);
    }
}
