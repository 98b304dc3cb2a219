using System.Globalization;

namespace ServiceBot.Localization;

/// <summary>
/// The languages the bot speaks, by culture name, and the language of the turn in progress. Chinese is the default and
/// the neutral resources; English texts come from the <c>.en.resx</c> satellite.
/// </summary>
public static class BotLanguages
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    /// <summary>English takes about three times as many characters as Chinese to say the same: a length limit set for Chinese text is this many times longer for English.</summary>
    public const int EnglishLengthFactor = 3;

    // Flows into every await of the turn that set it and never back to its caller, so concurrent turns do not mix.
    private static readonly AsyncLocal<string?> TurnLanguage = new();

    // Looked up once: GetCultureInfo takes a process-wide lock, and every reply text asks for a culture.
    private static readonly CultureInfo ChineseCulture = CultureInfo.GetCultureInfo(Chinese);
    private static readonly CultureInfo EnglishCulture = CultureInfo.GetCultureInfo(English);

    public static IReadOnlyList<string> All { get; } = [Chinese, English];

    /// <summary>
    /// The language of the turn in progress; Chinese outside a turn (staff tools, start-up), whatever the machine's culture.
    /// </summary>
    public static string Current => TurnLanguage.Value ?? Chinese;

    public static bool IsEnglish => Current == English;

    /// <summary>
    /// Makes <paramref name="language"/> the language of the calling async flow (one conversation turn), for
    /// <see cref="BotText"/> and for the current UI culture that the typed <see cref="BotTexts"/> accessor reads.
    /// </summary>
    public static void UseForTurn(string language)
    {
        TurnLanguage.Value = language == English ? English : Chinese;
        CultureInfo.CurrentUICulture = Culture(language);
    }

    /// <summary>The culture resources are read in for <paramref name="language"/>; unknown names fall back to Chinese.</summary>
    public static CultureInfo Culture(string? language) => language == English ? EnglishCulture : ChineseCulture;
}
