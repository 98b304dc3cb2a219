using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ServiceBot.Core.Tests.Storage.Postgres;
using ServiceBot.Server.Tests.Chat;
using Xunit.Abstractions;

namespace ServiceBot.Server.Tests.Deployment;

/// <summary>
/// Three server processes on one PostgreSQL database and one sandbox process, driven over real HTTP as a load balancer
/// would: every turn may land on a different replica. One replica is killed with kill -9 mid-run; the turns it had in
/// flight are retried on another replica with the same message id. Every dialogue must end with exactly one ticket.
/// </summary>
public sealed class MultiReplicaTests(PostgresTestDatabase database, ITestOutputHelper output) : IClassFixture<PostgresTestDatabase>, IAsyncLifetime
{
    private const int Dialogues = 30;
    private const int ConcurrentDialogues = 6;
    private const int VictimReplica = 1;

    // The fund withdrawal from first message to ticket, as the turns benchmark drives it; the amount is what tells the
    // dialogues' tickets apart in the backend.
    private static readonly (string IdNumber, string BankCard)[] Citizens =
        [("130402199003074510", "6217001234567890122"), ("330782199208153322", "6228480011223344554")];

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "servicebot-replica-tests", Guid.NewGuid().ToString("N"));

    private static string[] Script(int dialogue)
    {
        var (idNumber, bankCard) = Citizens[dialogue % Citizens.Length];
        return ["我想提取公积金", idNumber, "租房", $"{AmountOf(dialogue)}元", bankCard, "确认"];
    }

    private static int AmountOf(int dialogue) => 1000 + dialogue;

    [PostgresFact]
    public async Task ThreeReplicas_OneKilledMidRun_EveryDialogueEndsWithExactlyOneTicket()
    {
        var sandboxKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        // One sandbox process serves every replica, its tickets in the same PostgreSQL database.
        await using var sandbox = await ServerProcess.StartAsync(Settings("sandbox", new()
        {
            ["Sandbox__Enabled"] = "true",
            ["Sandbox__ApiKey"] = sandboxKey,
            ["Sandbox__Provider"] = "postgres",
            ["Sandbox__ConnectionString"] = database.ConnectionString,
        }));
        var tokenSecret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var starting = Enumerable.Range(0, 3).Select(i => ServerProcess.StartAsync(Settings($"replica-{i}", new()
        {
            ["State__Provider"] = "postgres",
            ["State__ConnectionString"] = database.ConnectionString,
            ["Sandbox__Enabled"] = "false",
            ["Backend__BaseUrl"] = new Uri(sandbox.Http.BaseAddress!, "sandbox/api/").AbsoluteUri,
            ["Backend__Headers__X-Sandbox-Key"] = sandboxKey,
            ["Chat__TokenSecret"] = tokenSecret,
        }))).ToList();
        ServerProcess[] replicas;
        try
        {
            replicas = await Task.WhenAll(starting);
        }
        catch
        {
            foreach (var started in starting.Where(t => t.IsCompletedSuccessfully)) await started.Result.DisposeAsync();
            throw;
        }
        try
        {
            var run = new ReplicaRun(replicas, killAfterTurns: Dialogues * Script(0).Length * 2 / 5);
            var finals = new ConcurrentDictionary<int, ChatTurn>();
            using var gate = new SemaphoreSlim(ConcurrentDialogues);
            await Task.WhenAll(Enumerable.Range(0, Dialogues).Select(async dialogue =>
            {
                await gate.WaitAsync();
                try { finals[dialogue] = await run.DialogueAsync(dialogue, Script(dialogue)); }
                finally { gate.Release(); }
            }));

            var tickets = new List<(decimal Amount, string Ticket)>();
            foreach (var (idNumber, _) in Citizens)
            {
                using var listing = JsonDocument.Parse(await sandbox.Http.GetStringAsync($"sandbox/api/tickets?idNumber={idNumber}"));
                tickets.AddRange(listing.RootElement.EnumerateArray().Select(t => (
                    decimal.Parse(t.GetProperty("slots").GetProperty("amount").GetString()!, CultureInfo.InvariantCulture),
                    t.GetProperty("ticket").GetString()!)));
            }
            var byAmount = tickets.ToLookup(t => t.Amount);
            var duplicates = byAmount.Sum(g => g.Count() - 1);
            var lost = Enumerable.Range(0, Dialogues).Count(d => !byAmount[AmountOf(d)].Any() || finals.GetValueOrDefault(d)?.Ticket is null);
            var summary = $"dialogues {Dialogues}, tickets {tickets.Count}, turns {run.Turns}, retries {run.Retries}, duplicates {duplicates}, lost {lost}";
            output.WriteLine(summary);
            Console.WriteLine($"multi-replica kill test: {summary}");

            Assert.True(run.VictimKilled, "the run ended before the replica was killed");
            Assert.Equal(Dialogues * Script(0).Length, run.Turns);
            for (var dialogue = 0; dialogue < Dialogues; dialogue++)
            {
                Assert.Equal("submitted", finals[dialogue].State);
                // The ticket the user was told is the one the backend holds, and the only one for this dialogue.
                Assert.Equal(finals[dialogue].Ticket, Assert.Single(byAmount[AmountOf(dialogue)]).Ticket);
            }
            Assert.Equal(Dialogues, tickets.Count);
        }
        catch
        {
            foreach (var (replica, i) in replicas.Select((r, i) => (r, i)))
                foreach (var line in replica.Output.TakeLast(30)) output.WriteLine($"replica-{i}: {line}");
            throw;
        }
        finally
        {
            foreach (var replica in replicas) await replica.DisposeAsync();
        }
    }

    private Dictionary<string, string> Settings(string name, Dictionary<string, string> settings)
    {
        settings["Index__Path"] = Path.Combine(_directory, name, "index");
        settings["Knowledge__Paths__0"] = RepositoryPaths.Knowledge;
        settings["Logging__LogLevel__Default"] = "Warning";
        // Each process keeps whatever it does not share in a folder of its own.
        settings.TryAdd("State__ConnectionString", $"Data Source={Path.Combine(_directory, name, "state.db")}");
        settings.TryAdd("Sandbox__ConnectionString", $"Data Source={Path.Combine(_directory, name, "sandbox.db")}");
        Directory.CreateDirectory(Path.Combine(_directory, name));
        return settings;
    }

    /// <summary>
    /// The client side of the run: round-robin over the replicas per turn, one replica killed once enough turns are done,
    /// and a failed turn retried on the next live replica with the same message id.
    /// </summary>
    private sealed class ReplicaRun(IReadOnlyList<ServerProcess> replicas, int killAfterTurns)
    {
        private readonly ConcurrentDictionary<int, bool> _down = new();
        private int _turns;
        private int _retries;
        private int _next;
        private int _killing;

        public int Turns => _turns;

        public int Retries => _retries;

        public bool VictimKilled => _down.ContainsKey(VictimReplica) && _killing == 1;

        public async Task<ChatTurn> DialogueAsync(int dialogue, string[] script)
        {
            var userId = $"replica-user-{dialogue}";
            string? conversationId = null, userToken = null;
            ChatTurn? turn = null;
            for (var step = 0; step < script.Length; step++)
            {
                var request = new { userId, conversationId, messageId = $"{userId}-{step}", text = script[step], userToken };
                // A first turn lost in flight leaves the client without the user token it needs for the retry (the
                // identity rule refuses a tokenless request for a user who has a session), so first turns never go to
                // the replica that will be killed, and the kill lands on later turns.
                turn = await SendAsync(request, mayKill: userToken is not null);
                conversationId = turn.ConversationId;
                userToken = turn.UserToken ?? userToken;
                Interlocked.Increment(ref _turns);
            }
            return turn!;
        }

        private async Task<ChatTurn> SendAsync(object request, bool mayKill)
        {
            var replica = Interlocked.Increment(ref _next) % replicas.Count;
            for (var attempt = 0; attempt < replicas.Count; attempt++, replica = (replica + 1) % replicas.Count)
            {
                if (_down.ContainsKey(replica) || (!mayKill && replica == VictimReplica)) continue;
                var sending = replicas[replica].Http.PostAsJsonAsync("api/chat", request);
                // The turn that reaches the kill threshold is sent to the victim and the victim is killed while it is in flight.
                if (mayKill && replica == VictimReplica && _turns >= killAfterTurns && Interlocked.Exchange(ref _killing, 1) == 0)
                {
                    await replicas[VictimReplica].KillAsync();
                    _down[VictimReplica] = true;
                }
                try
                {
                    using var response = await sending;
                    var body = await response.Content.ReadAsStringAsync();
                    Assert.True(response.IsSuccessStatusCode, $"replica {replica} answered {(int)response.StatusCode}: {body}");
                    return new ChatTurn(JsonDocument.Parse(body).RootElement.Clone());
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    // As a load balancer does: take the replica out and send the same request (same message id) to the next.
                    _down[replica] = true;
                    Interlocked.Increment(ref _retries);
                }
            }
            throw new InvalidOperationException("no live replica answered the turn");
        }
    }

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}
