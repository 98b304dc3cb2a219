namespace ServiceBot.Backend;

/// <summary>Typed client for the 12345 hotline backend.</summary>
public sealed class HotlineClient(HttpClient http)
{
    public Task<SubmissionResult> SubmitAppealAsync(HotlineAppeal appeal, string idempotencyKey, CancellationToken cancellationToken = default) =>
        BackendHttp.SubmitAsync(http, "hotline/appeals", appeal, idempotencyKey, cancellationToken);
}
