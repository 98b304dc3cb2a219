using System.ComponentModel;
using Microsoft.SemanticKernel;

namespace ServiceBot.Backend;

public sealed class StationsPlugin(StationsClient client)
{
    [KernelFunction, Description("Lists service stations for new-employment workers (工会驿站, 司机之家, 服务站) in a city, optionally in one district, with address, hours and services.")]
    public Task<LookupResult<IReadOnlyList<ServiceStation>>> FindStationsAsync(
        [Description("city, e.g. 邯郸市")] string city,
        [Description("optional district, e.g. 丛台区")] string? district = null,
        CancellationToken cancellationToken = default) =>
        client.FindAsync(city, district, cancellationToken);
}
