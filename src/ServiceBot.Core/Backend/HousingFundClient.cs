namespace ServiceBot.Backend;

/// <summary>Typed client for the housing-fund (住房公积金) backend.</summary>
public sealed class HousingFundClient(HttpClient http)
{
    public Task<LookupResult<FundAccount>> GetAccountAsync(string idNumber, CancellationToken cancellationToken = default) =>
        BackendHttp.GetAsync<FundAccount>(http, $"housing-fund/accounts/{BackendHttp.Segment(idNumber)}", cancellationToken);

    public Task<SubmissionResult> SubmitWithdrawalAsync(FundWithdrawalApplication application, string idempotencyKey, CancellationToken cancellationToken = default) =>
        BackendHttp.SubmitAsync(http, "housing-fund/withdrawals", application, idempotencyKey, cancellationToken);
}
