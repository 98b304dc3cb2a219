namespace ServiceBot.Backend;

/// <summary>Typed client for ticket (办件) status.</summary>
public sealed class TicketsClient(HttpClient http)
{
    public Task<LookupResult<TicketInfo>> GetAsync(string ticket, CancellationToken cancellationToken = default) =>
        BackendHttp.GetAsync<TicketInfo>(http, $"tickets/{BackendHttp.Segment(ticket)}", cancellationToken);

    public Task<LookupResult<IReadOnlyList<TicketInfo>>> ListAsync(string idNumber, CancellationToken cancellationToken = default) =>
        BackendHttp.GetAsync<IReadOnlyList<TicketInfo>>(http, $"tickets?idNumber={Uri.EscapeDataString(idNumber.Trim())}", cancellationToken);
}
