using System.Text.Encodings.Web;
using System.Text.Json;
using ServiceBot.Handoff;

namespace ServiceBot.Server.Staff.Admin;

/// <summary>What admins did in the console.</summary>
public static class AdminAuditActions
{
    public const string DocumentUploaded = "document_upload";
    public const string DocumentReplaced = "document_replace";
    public const string Reindexed = "reindex";
    public const string ReviewSimilarQuestion = "review_similar_question";
    public const string ReviewOutOfScope = "review_out_of_scope";
    public const string ReviewCuratedAnswer = "review_curated_answer";
}

/// <summary>
/// Records admin actions in the audit log every other staff action goes to, on one trail of its own
/// (<see cref="Trail"/>): who, when (the service clock), what, and the before and after as JSON.
/// </summary>
public sealed class AdminAudit(IAuditLog log, TimeProvider clock)
{
    /// <summary>The audit trail id admin actions are listed under.</summary>
    public const string Trail = "admin";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public Task RecordAsync(StaffMember member, string action, object? before, object? after, CancellationToken cancellationToken)
        => log.AppendAsync(new AuditEntry(Trail, clock.GetUtcNow(), member.Name, action,
            JsonSerializer.Serialize(new { before, after }, Json), []), cancellationToken);

    public Task<IReadOnlyList<AuditEntry>> ListAsync(CancellationToken cancellationToken) => log.ListAsync(Trail, cancellationToken);
}
