using System.ComponentModel;
using Microsoft.SemanticKernel;

namespace ServiceBot.Backend;

public sealed class HousingFundPlugin(HousingFundClient client)
{
    [KernelFunction, Description("Looks up a housing provident fund (住房公积金) account by resident ID number: status (正常缴存 or 封存), balance and monthly deposit.")]
    public Task<LookupResult<FundAccount>> GetAccountAsync(
        [Description("18-character resident ID number")] string idNumber, CancellationToken cancellationToken = default) =>
        client.GetAccountAsync(idNumber, cancellationToken);

    [SideEffect]
    [KernelFunction, Description("Submits a housing provident fund withdrawal application and returns a ticket number, or the reason it was refused.")]
    public Task<SubmissionResult> SubmitWithdrawalAsync(
        [Description("18-character resident ID number")] string idNumber,
        [Description("rent, purchase, resignation, retirement or medical")] string reason,
        [Description("amount in yuan")] decimal amount,
        [Description("bank card number receiving the money")] string bankCard,
        [Description("key that identifies this one submission; the same key never submits twice")] string idempotencyKey,
        CancellationToken cancellationToken = default) =>
        client.SubmitWithdrawalAsync(new FundWithdrawalApplication(idNumber, reason, amount, bankCard), idempotencyKey, cancellationToken);
}
