namespace ServiceBot.Backend;

/// <summary>Typed client for the market regulation (市场监督管理) backend: business registration appointments.</summary>
public sealed class MarketRegulationClient(HttpClient http)
{
    public Task<SubmissionResult> BookForeignEnterpriseRegistrationAsync(ForeignEnterpriseAppointment appointment, string idempotencyKey,
        CancellationToken cancellationToken = default) =>
        BackendHttp.SubmitAsync(http, "market-regulation/foreign-enterprise-appointments", appointment, idempotencyKey, cancellationToken);
}
