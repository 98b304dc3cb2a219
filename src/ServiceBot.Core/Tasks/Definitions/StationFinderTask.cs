using System.Text;
using ServiceBot.Backend;
using ServiceBot.Understanding.Intents;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Tasks.Definitions;

public static class StationFinderTask
{
    public static TaskDefinition Definition { get; } = new()
    {
        Name = IntentNames.StationFinder,
        DisplayName = "附近驿站/服务站查询",
        MenuPrompt = "查找附近的驿站",
        Slots =
        [
            new SlotDefinition
            {
                Id = SlotIds.City, Label = "城市", Kind = SlotKind.City,
                Question = "请问您在**哪个城市**？也可以说到区县，例如“邯郸市丛台区”。",
            },
            new SlotDefinition { Id = SlotIds.District, Label = "区县", Kind = SlotKind.City, Required = false, Question = "请问在哪个区县？" },
        ],
        Call = new BackendCall("Stations", "FindStations", CommonSlots.Map(("city", SlotIds.City), ("district", SlotIds.District))),
        Present = (result, _) => Present(result as LookupResult<IReadOnlyList<ServiceStation>>),
    };

    private static LookupOutcome Present(LookupResult<IReadOnlyList<ServiceStation>>? result)
    {
        if (result is not { Found: true, Value: { Count: > 0 } stations })
            return new LookupOutcome(false,
                (result?.Message is { Length: > 0 } message ? message + "\n\n" : "暂未查到该地区的驿站或服务站。\n\n") + "您可以换一个城市或区县再试。",
                SlotIds.City);

        var text = new StringBuilder($"为您找到 {stations.Count} 个驿站/服务站：\n");
        foreach (var s in stations)
        {
            text.Append("\n**").Append(s.Name).Append("**（").Append(s.City).Append(s.District).AppendLine("）");
            text.Append("- 地址：").AppendLine(s.Address);
            text.Append("- 开放时间：").AppendLine(s.Hours);
            if (s.Services.Count > 0) text.Append("- 服务：").AppendLine(string.Join("、", s.Services));
        }
        return new LookupOutcome(true, text.ToString().TrimEnd());
    }
}
