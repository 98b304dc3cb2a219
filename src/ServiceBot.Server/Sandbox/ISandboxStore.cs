namespace ServiceBot.Server.Sandbox;

/// <summary>
/// The sandbox backend's tickets: embedded SQLite (<see cref="SandboxStore"/>) or PostgreSQL
/// (<see cref="PostgresSandboxStore"/>, so a sandbox process serves several replicas).
/// </summary>
public interface ISandboxStore
{
    /// <summary>Creates the ticket schema; run once before the first request.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>The ticket an earlier submission with this key created, if any.</summary>
    Task<IdempotentTicket?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>
    /// Creates a ticket, or returns the one an earlier request with the same key created
    /// (a concurrent duplicate can slip past the caller's first look-up).
    /// </summary>
    Task<CreateTicketOutcome> CreateAsync(TicketDraft draft, string? idempotencyKey, CancellationToken cancellationToken);

    /// <summary>A ticket by its number, whatever its letter case; null when unknown.</summary>
    Task<SandboxTicket?> GetAsync(string ticket, CancellationToken cancellationToken);

    /// <summary>An applicant's tickets by their ID or passport number (<see cref="TicketDraft.Applicant"/>), oldest first.</summary>
    Task<IReadOnlyList<SandboxTicket>> ListByApplicantAsync(string applicant, CancellationToken cancellationToken);

    /// <summary>Moves a ticket along (a sandbox stand-in for the back office); false when the ticket is unknown.</summary>
    Task<bool> SetStatusAsync(string ticket, string status, CancellationToken cancellationToken);
}
