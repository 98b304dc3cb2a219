using System.Net;
using System.Text.Json;

using ServiceBot.Server.Tests;

namespace ServiceBot.Server.Tests.Sandbox;

public sealed class StationsApiTests(ServiceBotServer server) : IClassFixture<ServiceBotServer>
{
    private async Task<List<string>> NamesAsync(string query)
    {
        using var response = await server.Http.GetAsync($"sandbox/api/stations?{query}");
        var stations = await SandboxAssert.JsonAsync(response, HttpStatusCode.OK);
        return [.. stations.EnumerateArray().Select(s => s.GetProperty("name").GetString()!)];
    }

    [Fact]
    public async Task FindStations_City_ReturnsEveryStationInTheCity()
    {
        var names = await NamesAsync($"city={Uri.EscapeDataString("邯郸市")}");
        Assert.Equal(["丛台区人民路工会驿站", "邯山区司机之家"], names.Order());
    }

    [Fact]
    public async Task FindStations_CityAndDistrictWithoutSuffixes_ReturnsTheDistrictOnly()
    {
        var names = await NamesAsync($"city={Uri.EscapeDataString("邯郸")}&district={Uri.EscapeDataString("丛台")}");
        Assert.Equal(["丛台区人民路工会驿站"], names);
    }

    [Fact]
    public async Task FindStations_StationCarriesAddressHoursAndServices()
    {
        using var response = await server.Http.GetAsync($"sandbox/api/stations?city={Uri.EscapeDataString("昆山市")}&district={Uri.EscapeDataString("开发区")}");
        var station = Assert.Single((await SandboxAssert.JsonAsync(response, HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal("前进东路商业广场一层", station.GetProperty("address").GetString());
        Assert.Equal("09:00-23:00", station.GetProperty("hours").GetString());
        Assert.Contains("热饭", station.GetProperty("services").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task FindStations_UnknownCity_ReturnsEmptyList()
    {
        Assert.Empty(await NamesAsync($"city={Uri.EscapeDataString("拉萨市")}"));
    }

    [Fact]
    public async Task FindStations_NoCity_Returns400Problem()
    {
        using var response = await server.Http.GetAsync("sandbox/api/stations");
        await SandboxAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }
}
