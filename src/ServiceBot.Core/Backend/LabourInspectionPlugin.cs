using System.ComponentModel;
using Microsoft.SemanticKernel;

namespace ServiceBot.Backend;

public sealed class LabourInspectionPlugin(LabourInspectionClient client)
{
    [SideEffect]
    [KernelFunction, Description("Files a complaint about unpaid wages (欠薪投诉) with labour inspection and returns a ticket number, or the reason it was refused.")]
    public Task<SubmissionResult> SubmitWageComplaintAsync(
        [Description("18-character resident ID number")] string idNumber,
        [Description("name of the employer that owes the wages")] string employer,
        [Description("amount owed in yuan")] decimal amount,
        [Description("period the wages are owed for, e.g. 2025年3月至5月")] string period,
        [Description("11-digit mobile number")] string phone,
        [Description("key that identifies this one submission; the same key never submits twice")] string idempotencyKey,
        CancellationToken cancellationToken = default) =>
        client.SubmitWageComplaintAsync(new WageComplaint(idNumber, employer, amount, period, phone), idempotencyKey, cancellationToken);
}
