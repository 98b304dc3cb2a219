using System.Globalization;

namespace ServiceBot.Localization;

/// <summary>
/// The languages the bot speaks, by culture name. Chinese is the default and the neutral resources;
/// English texts come from the <c>.en.resx</c> satellites.
/// </summary>
public static class BotLanguages
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static IReadOnlyList<string> All { get; } = [Chinese, English];

    /// <summary>The culture resources are read in for <paramref name="language"/>; unknown names fall back to Chinese.</summary>
    public static CultureInfo Culture(string? language)
        => CultureInfo.GetCultureInfo(language == English ? English : Chinese);

    /// <summary>The bot language of the turn in progress (the current UI culture), for code that writes free text.</summary>
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? English : Chinese;

    public static bool IsEnglish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en";
}
