using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using ServiceBot.Localization;
using ServiceBot.Tasks;
using ServiceBot.Tasks.Definitions;

namespace ServiceBot.Core.Tests.Localization;

/// <summary>Every bot text exists in Chinese and in English, and the English one is English.</summary>
public sealed partial class BotTextsTests
{
    private static readonly CultureInfo English = BotLanguages.Culture(BotLanguages.English);

    /// <summary>
    /// Chinese an English text may carry: none today. Names of documents in 《》 are allowed by <see cref="WithoutAllowedNames"/>.
    /// </summary>
    private static readonly string[] AllowedProperNames = [];

    /// <summary>English texts that leave out a Chinese-only detail: the holiday's name (国庆节假期).</summary>
    private static readonly string[] KeysOmittingChineseDetails = [nameof(BotTexts.Validation_AppointmentHoliday)];

    public static TheoryData<string> ResourceKeys() => [.. NeutralTexts().Keys.Order(StringComparer.Ordinal)];

    public static TheoryData<string> CatalogKeys()
        => [.. TaskCatalog.Default.All.SelectMany(t => t.Texts)
            .Concat(StationFinderTask.ValueTexts).Concat(TicketStatusTask.ValueTexts)
            .Select(t => t.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ResourceKeys))]
    public void EnglishResource_EveryKey_ExistsNonEmptyWithoutChinese(string key)
    {
        var english = EnglishTexts().GetValueOrDefault(key);

        Assert.False(string.IsNullOrWhiteSpace(english), $"{key} has no English text.");
        Assert.DoesNotMatch(Cjk(), WithoutAllowedNames(english));
    }

    [Theory]
    [MemberData(nameof(ResourceKeys))]
    public void EnglishResource_EveryKey_HasTheChinesePlaceholders(string key)
    {
        var chinese = Placeholders(NeutralTexts()[key]);
        var english = Placeholders(EnglishTexts().GetValueOrDefault(key) ?? "");

        if (KeysOmittingChineseDetails.Contains(key)) Assert.Subset(chinese.ToHashSet(), english.ToHashSet());
        else Assert.Equal(chinese, english);
    }

    [Theory]
    [MemberData(nameof(ResourceKeys))]
    public void In_EachLanguageInTurn_ReadsThatLanguagesResourceEveryTime(string key)
    {
        var text = new BotText(key);
        var chinese = BotLanguages.Culture(BotLanguages.Chinese);

        // Remembered texts must stay apart by language, whichever language was asked first.
        Assert.Equal(BotTexts.ResourceManager.GetString(key, English), text.In(English));
        Assert.Equal(BotTexts.ResourceManager.GetString(key, chinese), text.In(chinese));
        Assert.Equal(BotTexts.ResourceManager.GetString(key, English), text.In(English));
        Assert.NotEqual(text.In(chinese), text.In(English));
    }

    [Theory]
    [MemberData(nameof(CatalogKeys))]
    public void TaskText_EveryTaskAndSlotText_HasBothLanguages(string key)
    {
        var text = new BotText(key);

        Assert.Matches(Cjk(), text.In(BotLanguages.Culture(BotLanguages.Chinese)));
        Assert.True(EnglishTexts().ContainsKey(key), $"{key} has no English text.");
        Assert.DoesNotMatch(Cjk(), WithoutAllowedNames(text.In(English)));
    }

    [Fact]
    public void Texts_EveryTask_NamesEachSlotInBothLanguages()
    {
        foreach (var task in TaskCatalog.Default.All)
        foreach (var slot in task.Slots)
        {
            Assert.Contains(slot.Label, task.Texts);
            Assert.Contains(slot.Question, task.Texts);
            Assert.NotEqual(slot.Label.In(English), slot.Label.In(BotLanguages.Culture(BotLanguages.Chinese)));
        }
    }

    [Fact]
    public async Task Value_InAnEnglishTurn_IsEnglishAndOutsideItChinese()
    {
        var prompt = new BotText(nameof(BotTexts.FundWithdrawal_MenuPrompt));

        var inTurn = await Task.Run(() =>
        {
            BotLanguages.UseForTurn(BotLanguages.English);
            return prompt.Value;
        });

        Assert.Equal("Withdraw from my housing fund", inTurn);
        Assert.Equal("我要提取公积金", prompt.Value);
    }

    private static string WithoutAllowedNames(string text)
    {
        var stripped = DocumentTitle().Replace(text, "");
        foreach (var name in AllowedProperNames) stripped = stripped.Replace(name, "", StringComparison.Ordinal);
        return stripped;
    }

    private static string[] Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    private static Dictionary<string, string> NeutralTexts() => Read(CultureInfo.InvariantCulture);

    private static Dictionary<string, string> EnglishTexts() => Read(English);

    /// <summary>One culture's own texts, without falling back to the neutral ones.</summary>
    private static Dictionary<string, string> Read(CultureInfo culture)
    {
        var set = BotTexts.ResourceManager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No {culture.Name} resources.");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);
    }

    [GeneratedRegex(@"[\u3400-\u9FFF\uF900-\uFAFF]")]
    private static partial Regex Cjk();

    [GeneratedRegex(@"《[^》]*》")]
    private static partial Regex DocumentTitle();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
