using System.ComponentModel;
using Microsoft.SemanticKernel;

namespace ServiceBot.Backend;

public sealed class TicketsPlugin(TicketsClient client)
{
    [KernelFunction, Description("Reports the status (已受理, 办理中 or 已办结) of one ticket (办件) by its number.")]
    public Task<LookupResult<TicketInfo>> GetTicketAsync(
        [Description("ticket number, e.g. GJJ-20250601-7KQ4M2XP")] string ticket, CancellationToken cancellationToken = default) =>
        client.GetAsync(ticket, cancellationToken);

    [KernelFunction, Description("Lists every ticket (办件) filed under a resident ID number, oldest first.")]
    public Task<LookupResult<IReadOnlyList<TicketInfo>>> ListTicketsAsync(
        [Description("18-character resident ID number")] string idNumber, CancellationToken cancellationToken = default) =>
        client.ListAsync(idNumber, cancellationToken);
}
