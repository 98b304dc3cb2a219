namespace ServiceBot.Backend;

/// <summary>Typed client for the labour inspection (劳动保障监察) backend.</summary>
public sealed class LabourInspectionClient(HttpClient http)
{
    public Task<SubmissionResult> SubmitWageComplaintAsync(WageComplaint complaint, string idempotencyKey, CancellationToken cancellationToken = default) =>
        BackendHttp.SubmitAsync(http, "labour-inspection/wage-complaints", complaint, idempotencyKey, cancellationToken);
}
