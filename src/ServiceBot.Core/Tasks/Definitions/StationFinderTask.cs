using System.Text;
using ServiceBot.Backend;
using ServiceBot.Localization;
using ServiceBot.Understanding.Intents;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Tasks.Definitions;

public static class StationFinderTask
{
    public static TaskDefinition Definition { get; } = new()
    {
        Name = IntentNames.StationFinder,
        DisplayName = new(nameof(BotTexts.StationFinder_DisplayName)),
        MenuPrompt = new(nameof(BotTexts.StationFinder_MenuPrompt)),
        Slots =
        [
            new SlotDefinition
            {
                Id = SlotIds.City, Label = new(nameof(BotTexts.StationFinder_City_Label)), Kind = SlotKind.City,
                Question = new(nameof(BotTexts.StationFinder_City_Question)),
            },
            new SlotDefinition { Id = SlotIds.District, Label = new(nameof(BotTexts.StationFinder_District_Label)), Kind = SlotKind.City, Required = false, Question = new(nameof(BotTexts.StationFinder_District_Question)) },
        ],
        Call = new BackendCall("Stations", "FindStations", CommonSlots.Map(("city", SlotIds.City), ("district", SlotIds.District))),
        Present = (result, _) => Present(result as LookupResult<IReadOnlyList<ServiceStation>>),
    };

    /// <summary>The backend's service words, worded in the user's language; others are shown as the backend gives them.</summary>
    private static readonly IReadOnlyDictionary<string, BotText> ServiceNames = new Dictionary<string, BotText>(StringComparer.Ordinal)
    {
        ["饮水"] = new(nameof(BotTexts.StationService_DrinkingWater)),
        ["热饭"] = new(nameof(BotTexts.StationService_HotMeals)),
        ["充电"] = new(nameof(BotTexts.StationService_Charging)),
        ["休息"] = new(nameof(BotTexts.StationService_Rest)),
        ["如厕"] = new(nameof(BotTexts.StationService_Toilet)),
        ["停车"] = new(nameof(BotTexts.StationService_Parking)),
        ["淋浴"] = new(nameof(BotTexts.StationService_Shower)),
        ["法律咨询"] = new(nameof(BotTexts.StationService_LegalAdvice)),
    };

    /// <summary>Opening hours the backend words in Chinese rather than as a time range.</summary>
    private static readonly IReadOnlyDictionary<string, BotText> HoursNames = new Dictionary<string, BotText>(StringComparer.Ordinal)
    {
        ["24小时"] = new(nameof(BotTexts.Stations_OpenAllDay)),
    };

    /// <summary>Every text the listing may show, for checks that each exists in every language.</summary>
    public static IEnumerable<BotText> ValueTexts => [.. ServiceNames.Values, .. HoursNames.Values];

    private static LookupOutcome Present(LookupResult<IReadOnlyList<ServiceStation>>? result)
    {
        if (result is not { Found: true, Value: { Count: > 0 } stations })
        {
            // The backend's reason is Chinese; an English conversation gets the resource text instead.
            var reason = result?.Message is { Length: > 0 } message && !BotLanguages.IsEnglish ? message : BotText.Get(nameof(BotTexts.Stations_NoneFound));
            return new LookupOutcome(false, reason + "\n\n" + BotText.Get(nameof(BotTexts.Stations_TryAnother)), SlotIds.City);
        }

        var text = new StringBuilder(BotText.Format(nameof(BotTexts.Stations_Found), stations.Count)).Append('\n');
        foreach (var s in stations)
        {
            text.Append('\n').AppendLine(BotText.Format(nameof(BotTexts.Stations_Heading), s.Name, s.City, s.District));
            text.AppendLine(BotText.Format(nameof(BotTexts.Stations_Address), s.Address));
            text.AppendLine(BotText.Format(nameof(BotTexts.Stations_Hours), HoursNames.GetValueOrDefault(s.Hours)?.Value ?? s.Hours));
            if (s.Services.Count > 0)
                text.AppendLine(BotText.Format(nameof(BotTexts.Stations_Services), string.Join(
                    BotText.Get(nameof(BotTexts.Stations_ServiceSeparator)), s.Services.Select(n => ServiceNames.GetValueOrDefault(n)?.Value ?? n))));
        }
        return new LookupOutcome(true, text.ToString().TrimEnd());
    }
}
