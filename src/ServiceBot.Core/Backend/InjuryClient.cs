namespace ServiceBot.Backend;

/// <summary>Typed client for the occupational-injury protection (职业伤害保障) backend.</summary>
public sealed class InjuryClient(HttpClient http)
{
    public Task<SubmissionResult> SubmitReportAsync(InjuryReport report, string idempotencyKey, CancellationToken cancellationToken = default) =>
        BackendHttp.SubmitAsync(http, "injury/reports", report, idempotencyKey, cancellationToken);
}
