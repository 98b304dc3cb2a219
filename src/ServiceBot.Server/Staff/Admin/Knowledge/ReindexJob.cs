using ServiceBot.Ingestion;
using ServiceBot.Knowledge;

namespace ServiceBot.Server.Staff.Admin.Knowledge;

/// <summary>Where a re-index stands, as <c>GET /api/admin/reindex</c> reports it.</summary>
/// <param name="State"><c>idle</c> (never run), <c>running</c>, <c>succeeded</c> or <c>failed</c>.</param>
/// <param name="Percent">0–100, from the stage and the files read so far.</param>
public sealed record ReindexStatus(
    string? Id,
    string State,
    string? Stage,
    int FilesDone,
    int FilesTotal,
    int Percent,
    string? RequestedBy,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    ReindexSummary? Report,
    string? Error)
{
    public static ReindexStatus Idle { get; } = new(null, "idle", null, 0, 0, 0, null, null, null, null, null);
}

/// <summary>What a finished run did; failed files are named by their file name only (no server paths).</summary>
public sealed record ReindexSummary(int FilesSeen, int Added, int Changed, int Unchanged, int Removed, int Chunks,
    IReadOnlyList<ReindexFailure> Failures, IReadOnlyList<string> Warnings, bool IndexRewritten)
{
    public static ReindexSummary Of(IngestionReport report) => new(report.FilesSeen, report.Added, report.Changed, report.Unchanged,
        report.Removed, report.Chunks, report.Failures.Select(f => new ReindexFailure(Path.GetFileName(f.Path), f.Reason)).ToList(),
        report.Warnings, report.IndexRewritten);
}

public sealed record ReindexFailure(string File, string Reason);

/// <summary>
/// Re-indexes the knowledge in the background, one run at a time: a request while one runs joins it. The running
/// server keeps answering from the loaded knowledge base until <see cref="KnowledgeBaseProvider.ReloadAsync"/> swaps the
/// new one in. Each finished run is recorded in the admin audit trail.
/// </summary>
public sealed class ReindexJob(KnowledgeBaseProvider knowledge, AdminAudit audit, TimeProvider clock, IHostApplicationLifetime lifetime,
    ILogger<ReindexJob> logger)
{
    private readonly Lock _lock = new();
    private volatile ReindexStatus _status = ReindexStatus.Idle;
    private Task? _running;

    public ReindexStatus Status => _status;

    /// <summary>Starts a run, or returns the one already running (<c>Started</c> false).</summary>
    public (ReindexStatus Status, bool Started) Start(StaffMember member)
    {
        lock (_lock)
        {
            if (_running is { IsCompleted: false }) return (_status, false);
            var id = Guid.NewGuid().ToString("N")[..12];
            _status = new ReindexStatus(id, "running", IngestionStage.Discovering.ToString().ToLowerInvariant(), 0, 0, 0, member.Name,
                clock.GetUtcNow(), null, null, null);
            var started = _status;
            _running = Task.Run(() => RunAsync(started, member));
            return (started, true);
        }
    }

    /// <summary>Completes when the current run (if any) has finished; for shutdown and tests.</summary>
    public Task Completion => _running ?? Task.CompletedTask;

    private async Task RunAsync(ReindexStatus started, StaffMember member)
    {
        try
        {
            var before = (await knowledge.GetAsync(lifetime.ApplicationStopping)).Chunks.Count;
            var report = await knowledge.ReloadAsync(new ProgressReporter(p => _status = _status with
            {
                Stage = p.Stage.ToString().ToLowerInvariant(),
                FilesDone = p.FilesDone,
                FilesTotal = p.FilesTotal,
                Percent = PercentOf(p),
            }), lifetime.ApplicationStopping);
            var summary = ReindexSummary.Of(report);
            _status = _status with { State = "succeeded", Stage = "done", Percent = 100, FinishedAt = clock.GetUtcNow(), Report = summary };
            await audit.RecordAsync(member, AdminAuditActions.Reindexed, new { chunks = before },
                new { summary.Chunks, summary.Added, summary.Changed, summary.Removed, failures = summary.Failures.Count }, CancellationToken.None);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            logger.LogError(error, "Re-indexing {Id} failed.", started.Id);
            _status = _status with
            {
                State = "failed",
                FinishedAt = clock.GetUtcNow(),
                Error = error is OperationCanceledException ? "服务正在停止，重新索引已中止。" : "重新索引失败，服务仍使用原有索引。详情见服务日志。",
            };
        }
    }

    private static int PercentOf(IngestionProgress progress) => progress.Stage switch
    {
        IngestionStage.Discovering => 2,
        IngestionStage.Reading => 5 + (progress.FilesTotal == 0 ? 0 : 80 * progress.FilesDone / progress.FilesTotal),
        IngestionStage.Indexing => 88,
        IngestionStage.Embedding => 92,
        IngestionStage.Saving => 96,
        _ => 99,
    };

    /// <summary>Reports on the pipeline's own thread, in order (<see cref="Progress{T}"/> would post them out of order).</summary>
    private sealed class ProgressReporter(Action<IngestionProgress> report) : IProgress<IngestionProgress>
    {
        public void Report(IngestionProgress value) => report(value);
    }
}
