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

    [Fact]
    public void Seed_SharedFixtures_EveryCitizenAndStationPresentWithIdenticalValues()
    {
        var path = FixturesFile();
        if (path is null) return; // Nothing to compare against on a machine without ../shared.

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
