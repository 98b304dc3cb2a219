using System.ComponentModel;
using Microsoft.SemanticKernel;

namespace ServiceBot.Backend;

public sealed class SocialInsurancePlugin(SocialInsuranceClient client)
{
    [KernelFunction, Description("Looks up where a person is insured (社会保险), which insurance types they hold, and whether they are in the occupational-injury pilot.")]
    public Task<LookupResult<InsuranceRecord>> GetRecordAsync(
        [Description("18-character resident ID number")] string idNumber, CancellationToken cancellationToken = default) =>
        client.GetRecordAsync(idNumber, cancellationToken);

    [SideEffect]
    [KernelFunction, Description("Applies to transfer a social insurance relation from one city to another (社保关系转移接续) and returns a ticket number, or the reason it was refused.")]
    public Task<SubmissionResult> SubmitTransferAsync(
        [Description("18-character resident ID number")] string idNumber,
        [Description("city the insurance is transferred out of")] string fromCity,
        [Description("city the insurance is transferred into")] string toCity,
        [Description("养老保险, 医疗保险 or 失业保险")] string insuranceType,
        [Description("key that identifies this one submission; the same key never submits twice")] string idempotencyKey,
        CancellationToken cancellationToken = default) =>
        client.SubmitTransferAsync(new InsuranceTransfer(idNumber, fromCity, toCity, insuranceType), idempotencyKey, cancellationToken);
}
