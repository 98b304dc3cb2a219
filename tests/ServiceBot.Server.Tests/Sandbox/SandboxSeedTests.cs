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

    /// <summary>The shared fixtures sit beside the repository (<c>../shared</c>); they are absent on some machines.</summary>
    private static string? FixturesFile()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "fixtures", "sandbox.json");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
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
    /// The people the README and the end-to-end tests name, as the shared fixtures list them; kept here so a clone
    /// with nothing beside it still checks the seed. Columns: name, id, passport, phone, city, occupation, bank card.
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

    /// <summary>
    /// Deep comparison with the shared fixtures, which sit beside the repository only where CI and the team run it;
    /// a clone with nothing beside it relies on <see cref="Seed_FixturePerson_IsPresentWithSameIdentity"/> instead.
    /// </summary>
    [Fact]
    public void Seed_SharedFixtures_EveryCitizenAndStationPresentWithIdenticalValues()
    {
        var path = FixturesFile();
        if (path is null) return;

        var fixtures = JsonNode.Parse(File.ReadAllText(path))!;
        var seed = EmbeddedSeed();

        foreach (var (listName, key) in new[] { ("citizens", "name"), ("service_stations", "name") })
        {
            var seeded = seed[listName]!.AsArray().ToDictionary(n => n![key]!.GetValue<string>());
            foreach (var expected in fixtures[listName]!.AsArray())
            {
                var name = expected![key]!.GetValue<string>();
                Assert.True(seeded.TryGetValue(name, out var actual), $"{listName}: {name} is missing from the seed.");
                Assert.True(JsonNode.DeepEquals(expected, actual), $"{listName}: {name} differs from the fixture.\nfixture: {expected.ToJsonString()}\nseed:    {actual!.ToJsonString()}");
            }
        }
    }
}
