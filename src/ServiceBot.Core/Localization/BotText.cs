using System.Collections.Concurrent;
using System.Globalization;

namespace ServiceBot.Localization;

/// <summary>
/// A bot text by its key in <see cref="BotTexts"/>, read in the language of the turn in progress whenever it is shown.
/// Task definitions are built once and shared by every conversation, so they hold keys, not strings.
/// Keys are written <c>nameof(BotTexts.X)</c>, so a missing resource fails the build.
/// </summary>
public sealed record BotText(string Key)
{
    // Resources never change while the process runs; ResourceManager.GetString takes a lock on every call, and a turn reads dozens of texts.
    private static readonly ConcurrentDictionary<(string Key, CultureInfo Culture), string> Texts = new();

    /// <summary>The text in the current turn's language.</summary>
    public string Value => In(BotLanguages.Culture(BotLanguages.Current));

    /// <summary>The text in a given culture (falls back to the neutral Chinese text).</summary>
    public string In(CultureInfo culture)
        => Texts.GetOrAdd((Key, culture), Read);

    private static string Read((string Key, CultureInfo Culture) text)
        => BotTexts.ResourceManager.GetString(text.Key, text.Culture)
           ?? throw new InvalidOperationException($"Bot text '{text.Key}' is not in the resources.");

    /// <summary>The text in every language the bot speaks, for recognising a quick reply the user tapped.</summary>
    public IEnumerable<string> InAllLanguages => BotLanguages.All.Select(l => In(BotLanguages.Culture(l))).Distinct(StringComparer.Ordinal);

    /// <summary>The text of <paramref name="key"/> in the current turn's language.</summary>
    public static string Get(string key) => new BotText(key).Value;

    /// <summary>The text of <paramref name="key"/> with its <c>{0}</c>-style placeholders filled, in the current turn's language.</summary>
    public static string Format(string key, params object?[] arguments)
        => string.Format(BotLanguages.Culture(BotLanguages.Current), Get(key), arguments);

    /// <summary>The text of <paramref name="key"/> in <paramref name="language"/>, placeholders filled: for channel code outside a turn.</summary>
    public static string In(string language, string key, params object?[] arguments)
    {
        var culture = BotLanguages.Culture(language);
        return string.Format(culture, new BotText(key).In(culture), arguments);
    }

    public override string ToString() => Value;

    public static implicit operator string(BotText text) => text.Value;
}
