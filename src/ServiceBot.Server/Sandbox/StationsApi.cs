using Microsoft.AspNetCore.Http.HttpResults;

namespace ServiceBot.Server.Sandbox;

/// <summary>工会驿站 / 新就业群体服务站 look-up.</summary>
public static class StationsApi
{
    public static RouteGroupBuilder MapStationsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/stations", FindStations).WithTags("服务站点").WithName("FindStations").WithSummary("按城市和区县查询服务站点");
        return api;
    }

    /// <summary>Stations in the city (and district, when given); an empty list when there are none.</summary>
    public static Results<Ok<IReadOnlyList<SeedStation>>, ValidationProblem> FindStations(string? city, string? district, SandboxSeed seed)
    {
        var errors = new SandboxErrors();
        var wantedCity = errors.Required("city", city, "城市", 50);
        if (errors.Result() is { } invalid) return invalid;

        IReadOnlyList<SeedStation> stations = seed.Stations
            .Where(s => SandboxPlaces.SameCity(s.City, wantedCity!))
            .Where(s => string.IsNullOrWhiteSpace(district) || SandboxPlaces.SameCity(s.District, district))
            .ToList();
        return TypedResults.Ok(stations);
    }
}
