namespace ServiceBot.Backend;

/// <summary>Typed client for the social insurance (社会保险) backend.</summary>
public sealed class SocialInsuranceClient(HttpClient http)
{
    public Task<LookupResult<InsuranceRecord>> GetRecordAsync(string idNumber, CancellationToken cancellationToken = default) =>
        BackendHttp.GetAsync<InsuranceRecord>(http, $"social-insurance/records/{BackendHttp.Segment(idNumber)}", cancellationToken);

    public Task<SubmissionResult> SubmitTransferAsync(InsuranceTransfer transfer, string idempotencyKey, CancellationToken cancellationToken = default) =>
        BackendHttp.SubmitAsync(http, "social-insurance/transfers", transfer, idempotencyKey, cancellationToken);
}
