using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ServiceBot.Server.Sandbox;

/// <summary>
/// The submit-exactly-once flow every side-effecting route shares: a replayed key returns the
/// original ticket before any rule runs again (the world may have moved on since), a reused key
/// with a different body is refused, and only then are business rules checked and a ticket created.
/// </summary>
public sealed class SandboxSubmissions(ISandboxStore store)
{
    public const string IdempotencyHeader = "Idempotency-Key";
    private const int MaxKeyLength = 200;

    /// <param name="applicant">The applicant's ID number, or passport number for a foreign applicant.</param>
    public static TicketDraft Draft(string task, string? applicant, IReadOnlyDictionary<string, string> slots)
    {
        var canonical = new StringBuilder(task).Append('\n').Append(applicant).Append('\n');
        foreach (var (key, value) in slots.OrderBy(s => s.Key, StringComparer.Ordinal))
            canonical.Append(key).Append('=').Append(value).Append('\n');
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
        return new TicketDraft(task, SandboxTasks.PrefixOf(task), applicant, slots, fingerprint);
    }

    public async Task<Results<Created<SandboxTicket>, Ok<SandboxTicket>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        TicketDraft draft, string? idempotencyKey, Func<ProblemHttpResult?> businessRules, CancellationToken cancellationToken)
    {
        var key = idempotencyKey?.Trim();
        if (idempotencyKey is not null && (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength))
        {
            var errors = new SandboxErrors();
            errors.Add(IdempotencyHeader, $"Idempotency-Key 不能为空且不能超过 {MaxKeyLength} 个字符。");
            return errors.Result()!;
        }

        if (key is not null && await store.FindByIdempotencyKeyAsync(key, cancellationToken) is { } earlier)
            return Replay(earlier.Ticket, earlier.Fingerprint != draft.Fingerprint);

        if (businessRules() is { } refusal) return refusal;

        var outcome = await store.CreateAsync(draft, key, cancellationToken);
        return outcome.Created
            ? TypedResults.Created($"/sandbox/api/tickets/{outcome.Ticket.Ticket}", outcome.Ticket)
            : Replay(outcome.Ticket, outcome.Conflict);
    }

    private static Results<Created<SandboxTicket>, Ok<SandboxTicket>, ValidationProblem, ProblemHttpResult> Replay(SandboxTicket original, bool conflict) =>
        conflict ? SandboxProblems.IdempotencyConflict(original.Ticket) : TypedResults.Ok(original);
}
