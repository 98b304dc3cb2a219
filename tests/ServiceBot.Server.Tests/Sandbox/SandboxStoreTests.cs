using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ServiceBot.Server.Sandbox;
using ServiceBot.Storage;

namespace ServiceBot.Server.Tests.Sandbox;

/// <summary>
/// The SQLite ticket store on a real file under concurrent submissions. The connection waits at most one second for
/// SQLite's lock, so a writer that reached the file while another held it would surface as <c>SQLITE_BUSY</c>.
/// </summary>
public sealed class SandboxStoreTests : IAsyncLifetime
{
    private const string Applicant = "130402199003074510";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "servicebot-sandbox-store-" + Guid.NewGuid().ToString("N"));
    private SandboxStore _store = null!;

    private string ConnectionString => $"Data Source={Path.Combine(_folder, "sandbox.db")};Default Timeout=1";

    public async Task InitializeAsync()
    {
        _store = new SandboxStore(Options.Create(new SandboxOptions { ConnectionString = ConnectionString }), TimeProvider.System);
        await _store.InitializeAsync(CancellationToken.None);
    }

    [Fact]
    public async Task CreateAsync_ManyConcurrentSubmissionsEachSentTwice_OneTicketPerKey()
    {
        const int Keys = 40;
        var submissions = Enumerable.Range(0, Keys)
            .SelectMany(i => new[] { i, i })
            .Select(i => Task.Run(() => _store.CreateAsync(Draft(amount: 1000 + i), "key-" + i, CancellationToken.None)))
            .ToList();
        var outcomes = await Task.WhenAll(submissions);

        Assert.Equal(Keys, outcomes.Count(o => o.Created));
        Assert.DoesNotContain(outcomes, o => o.Conflict);
        Assert.All(outcomes.GroupBy(o => o.Ticket.Slots["amount"]), pair => Assert.Single(pair.Select(o => o.Ticket.Ticket).Distinct()));
        Assert.Equal(Keys, (await _store.ListByApplicantAsync(Applicant, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task CreateAsync_FileGateHeldByAnotherWriter_WaitsThenCommitsOnce()
    {
        var slot = await SqliteWriteGate.For(ConnectionString).EnterAsync(CancellationToken.None);
        // The other writer really holds SQLite's lock, as a writer holding the gate does.
        await using var other = new SqliteConnection(ConnectionString);
        await other.OpenAsync();
        await using var held = (SqliteTransaction)await other.BeginTransactionAsync();

        var pending = Task.Run(() => _store.CreateAsync(Draft(amount: 3000), "key-held", CancellationToken.None));
        await Task.Delay(1500);
        var waited = !pending.IsCompleted;
        await held.CommitAsync();
        slot.Dispose();
        var outcome = await pending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(waited, "the submission reached the database while another writer held the file");
        Assert.True(outcome.Created);
        Assert.Equal(outcome.Ticket.Ticket, (await _store.FindByIdempotencyKeyAsync("key-held", CancellationToken.None))!.Ticket.Ticket);
    }

    [Fact]
    public async Task SetStatusAsync_ConcurrentWithSubmissions_EveryUpdateLands()
    {
        var created = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(i => _store.CreateAsync(Draft(amount: 2000 + i), "status-" + i, CancellationToken.None)));

        var updates = created.Select(c => Task.Run(() => _store.SetStatusAsync(c.Ticket.Ticket, TicketStatus.Completed, CancellationToken.None)))
            .Concat(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
                (await _store.CreateAsync(Draft(amount: 5000 + i), "more-" + i, CancellationToken.None)).Created)));

        Assert.All(await Task.WhenAll(updates), Assert.True);
        var tickets = await _store.ListByApplicantAsync(Applicant, CancellationToken.None);
        Assert.Equal(40, tickets.Count);
        Assert.Equal(20, tickets.Count(t => t.Status == TicketStatus.Completed));
    }

    [Fact]
    public async Task CreateAsync_AfterAGroupFailed_LaterSubmissionsCommitAndReplaysFindTheirTickets()
    {
        // The writer keeps its connection and prepared commands between groups; a failed group must not leave them broken.
        var before = await _store.CreateAsync(Draft(amount: 1000), "key-before", CancellationToken.None);
        await ExecuteAsync("CREATE TRIGGER refuse_bad BEFORE INSERT ON tickets WHEN NEW.idempotency_key = 'key-bad' "
            + "BEGIN SELECT RAISE(ABORT, 'refused'); END;");

        var error = await Assert.ThrowsAsync<SqliteException>(() => _store.CreateAsync(Draft(amount: 1001), "key-bad", CancellationToken.None));
        Assert.Contains("refused", error.Message, StringComparison.Ordinal);

        var after = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => _store.CreateAsync(Draft(amount: 1100 + i), "key-after-" + i, CancellationToken.None)));
        Assert.All(after, outcome => Assert.True(outcome.Created));
        var replay = await _store.CreateAsync(Draft(amount: 1000), "key-before", CancellationToken.None);
        Assert.False(replay.Created);
        Assert.Equal(before.Ticket.Ticket, replay.Ticket.Ticket);
        Assert.Null(await _store.FindByIdempotencyKeyAsync("key-bad", CancellationToken.None));
        Assert.Equal(11, (await _store.ListByApplicantAsync(Applicant, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task FindByIdempotencyKey_ManyConcurrentLookupsOnKeptConnections_SeeTicketsCommittedMeanwhile()
    {
        Assert.Null(await _store.FindByIdempotencyKeyAsync("key-later", CancellationToken.None));
        var created = await _store.CreateAsync(Draft(amount: 4000), "key-later", CancellationToken.None);

        // More lookups at once than connections are kept: the extra ones open their own and close them after.
        var found = await Task.WhenAll(Enumerable.Range(0, 32)
            .Select(_ => Task.Run(() => _store.FindByIdempotencyKeyAsync("key-later", CancellationToken.None))));

        Assert.All(found, ticket => Assert.Equal(created.Ticket.Ticket, ticket!.Ticket.Ticket));
        Assert.All(found, ticket => Assert.Equal("fingerprint-4000", ticket!.Fingerprint));
        var more = await _store.CreateAsync(Draft(amount: 4001), "key-more", CancellationToken.None);
        Assert.Equal(more.Ticket.Ticket, (await _store.FindByIdempotencyKeyAsync("key-more", CancellationToken.None))!.Ticket.Ticket);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static TicketDraft Draft(int amount) => new("fund_withdrawal", "HF", Applicant,
        new Dictionary<string, string> { ["amount"] = amount.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "fingerprint-" + amount);

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
