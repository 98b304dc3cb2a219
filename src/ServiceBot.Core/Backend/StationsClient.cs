namespace ServiceBot.Backend;

/// <summary>Typed client for the service-station (驿站/服务站) directory.</summary>
public sealed class StationsClient(HttpClient http)
{
    public Task<LookupResult<IReadOnlyList<ServiceStation>>> FindAsync(string city, string? district = null, CancellationToken cancellationToken = default)
    {
        var query = $"stations?city={Uri.EscapeDataString(city.Trim())}";
        if (!string.IsNullOrWhiteSpace(district)) query += $"&district={Uri.EscapeDataString(district.Trim())}";
        return BackendHttp.GetAsync<IReadOnlyList<ServiceStation>>(http, query, cancellationToken);
    }
}
