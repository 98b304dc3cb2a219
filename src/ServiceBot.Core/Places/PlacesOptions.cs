namespace ServiceBot.Places;

/// <summary>The <c>Places</c> configuration section: where the door-plate gazetteer comes from.</summary>
public sealed class PlacesOptions
{
    public const string SectionName = "Places";

    /// <summary>A gazetteer file laid out like <c>knowledge/places/places.txt</c>; unset uses the one built into the program.</summary>
    public string? Path { get; set; }
}
