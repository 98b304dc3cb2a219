using System.ComponentModel;
using Microsoft.SemanticKernel;

namespace ServiceBot.Backend;

public sealed class HotlinePlugin(HotlineClient client)
{
    [SideEffect]
    [KernelFunction, Description("Registers an appeal with the 12345 government service hotline and returns a ticket number, or the reason it was refused.")]
    public Task<SubmissionResult> SubmitAppealAsync(
        [Description("what the appeal is about")] string description,
        [Description("where the matter happens")] string location,
        [Description("11-digit mobile number")] string phone,
        [Description("key that identifies this one submission; the same key never submits twice")] string idempotencyKey,
        [Description("optional resident ID number to file the appeal under")] string? idNumber = null,
        CancellationToken cancellationToken = default) =>
        client.SubmitAppealAsync(new HotlineAppeal(description, location, phone, string.IsNullOrWhiteSpace(idNumber) ? null : idNumber), idempotencyKey, cancellationToken);
}
