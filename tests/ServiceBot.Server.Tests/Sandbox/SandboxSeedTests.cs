using System.Text.Json.Nodes;
using ServiceBot.Server.Sandbox;

namespace ServiceBot.Server.Tests.Sandbox;

public sealed class SandboxSeedTests
{
    private static JsonNode EmbeddedSeed()
    {
        using var stream = typeof(SandboxSeed).Assembly.GetManifestResourceStream(SandboxSeed.ResourceName)!;
        return JsonNode.Parse(stream)!;
    }

    [Fact]
    public void LoadEmbedded_Seed_HasCitizensAndStations()
    {
        var seed = SandboxSeed.LoadEmbedded();

        Assert.Equal("封存", seed.FindCitizen("41010219850120293X")!.Fund!.Status);
        Assert.True(seed.FindCitizen("130402199003074510")!.Insurance!.InjuryPilot);
        Assert.Contains(seed.Citizens, c => c.Passport == "PK1234567");
        Assert.Contains(seed.Stations, s => s.Name == "邯山区司机之家" && s.Hours == "24小时");
    }

    /// <summary>
    /// The people the README and the end-to-end tests name, as the sandbox fixtures list them, kept with the test so
    /// it needs nothing beside the repository. Columns: name, id, passport, phone, city, occupation, bank card.
    /// </summary>
    public static TheoryData<string, string?, string?, string, string, string, string?> FixturePeople() => new()
    {
        { "张伟", "130402199003074510", null, "13800001111", "邯郸市", "外卖骑手", "6217001234567890122" },
        { "李娜", "330782199208153322", null, "13900002222", "义乌市", "网约车司机", "6228480011223344554" },
        { "王强", "41010219850120293X", null, "13700003333", "郑州市", "快递员", "6222021000998877665" },
        { "陈静", "320583199806110043", null, "13600004444", "昆山市", "网络主播", "6214830000111122229" },
        { "Amir Khan", null, "PK1234567", "13500005555", "义乌市", "外贸商户", null },
    };

    [Theory]
    [MemberData(nameof(FixturePeople))]
    public void Seed_FixturePerson_IsPresentWithSameIdentity(string name, string? id, string? passport, string phone, string city, string occupation, string? bankCard)
    {
        var citizen = EmbeddedSeed()["citizens"]!.AsArray().SingleOrDefault(c => c!["name"]!.GetValue<string>() == name);

        Assert.True(citizen is not null, $"{name} is missing from the seed.");
        Assert.Equal(id, citizen["id"]?.GetValue<string>());
        Assert.Equal(passport, citizen["passport"]?.GetValue<string>());
        Assert.Equal(phone, citizen["phone"]!.GetValue<string>());
        Assert.Equal(city, citizen["city"]!.GetValue<string>());
        Assert.Equal(occupation, citizen["occupation"]!.GetValue<string>());
        Assert.Equal(bankCard, citizen["bank_card"]?.GetValue<string>());
    }

    /// <summary>The stations the README and the station-finder tests name. Columns: name, city, district, hours.</summary>
    public static TheoryData<string, string, string, string> FixtureStations() => new()
    {
        { "丛台区人民路工会驿站", "邯郸市", "丛台区", "07:00-22:00" },
        { "邯山区司机之家", "邯郸市", "邯山区", "24小时" },
        { "稠城街道新就业群体服务站", "义乌市", "稠城街道", "08:00-21:00" },
        { "昆山开发区骑手驿站", "昆山市", "开发区", "09:00-23:00" },
    };

    [Theory]
    [MemberData(nameof(FixtureStations))]
    public void Seed_FixtureStation_IsPresentWithSamePlaceAndHours(string name, string city, string district, string hours)
    {
        var station = EmbeddedSeed()["service_stations"]!.AsArray().SingleOrDefault(s => s!["name"]!.GetValue<string>() == name);

        Assert.True(station is not null, $"{name} is missing from the seed.");
        Assert.Equal(city, station["city"]!.GetValue<string>());
        Assert.Equal(district, station["district"]!.GetValue<string>());
        Assert.Equal(hours, station["hours"]!.GetValue<string>());
    }
}
