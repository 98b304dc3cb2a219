using System.ComponentModel;
using Microsoft.SemanticKernel;

namespace ServiceBot.Backend;

public sealed class InjuryPlugin(InjuryClient client)
{
    [SideEffect]
    [KernelFunction, Description("Reports an occupational injury under the new-employment-forms protection pilot (新就业形态职业伤害保障) and returns a ticket number, or the reason it was refused.")]
    public Task<SubmissionResult> SubmitReportAsync(
        [Description("18-character resident ID number")] string idNumber,
        [Description("platform the worker took orders from, e.g. 美团")] string platform,
        [Description("ISO 8601 time of the accident")] string accidentTime,
        [Description("where the accident happened")] string accidentPlace,
        [Description("what the injury is")] string injury,
        [Description("11-digit mobile number")] string phone,
        [Description("key that identifies this one submission; the same key never submits twice")] string idempotencyKey,
        CancellationToken cancellationToken = default) =>
        client.SubmitReportAsync(new InjuryReport(idNumber, platform, accidentTime, accidentPlace, injury, phone), idempotencyKey, cancellationToken);
}
