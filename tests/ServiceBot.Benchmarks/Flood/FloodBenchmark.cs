using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using ServiceBot.Benchmarks.Retrieval;
using ServiceBot.Benchmarks.Turns;

namespace ServiceBot.Benchmarks.Flood;

/// <summary>
/// Oversized bodies against a server process: half declare their length, half are chunked, spread over the chat
/// and channel routes. The server must refuse them (413, or a closed connection once the limit is passed) without
/// its resident memory growing: the check passes when RSS ends within the allowance of where it started.
/// </summary>
public static class FloodBenchmark
{
    private static readonly string[] Routes = ["api/chat", "api/chat/stream", "api/messages", "sandbox/api/housing-fund/withdrawals"];

    public static async Task<int> RunAsync(string[] args)
    {
        var bodies = TurnBenchmark.ReadOption(args, "--bodies", 80);
        var megabytes = TurnBenchmark.ReadOption(args, "--megabytes", 28);
        var parallel = TurnBenchmark.ReadOption(args, "--parallel", 8);
        var allowance = TurnBenchmark.ReadOption(args, "--allowance-mb", 100) * 1024L * 1024;

        await using var server = await ServerProcess.StartAsync(RepositoryPaths.FindRoot(), new Dictionary<string, string>());
        using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        // Warm-up: one answered turn, so the baseline includes a loaded engine.
        (await client.PostAsJsonAsync("api/chat", new { userId = "flood-warmup", text = "公积金怎么提取" })).EnsureSuccessStatusCode();
        await Task.Delay(1000);
        var before = server.ResidentBytes();

        var payload = new byte[megabytes * 1024 * 1024];
        "{\"userId\":\"flood\",\"text\":\""u8.CopyTo(payload);
        payload.AsSpan(26).Fill((byte)'a');
        var outcomes = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var peak = before;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Parallel.ForAsync(0, bodies, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, cancellationToken) =>
        {
            var chunked = i % 2 == 1;
            var route = Routes[i / 2 % Routes.Length];
            string outcome;
            try
            {
                using var content = chunked ? new ChunkedBody(payload) : (HttpContent)new ByteArrayContent(payload);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                // Declared lengths ask before sending, as curl does for large bodies, so the 413 can arrive first.
                using var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = content };
                request.Headers.ExpectContinue = !chunked;
                using var response = await client.SendAsync(request, cancellationToken);
                outcome = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            }
            catch (HttpRequestException)
            {
                // The server stops reading at the limit and closes the connection; the client may see that first.
                outcome = "closed";
            }
            outcomes.AddOrUpdate($"{(chunked ? "chunked" : "content-length")} {outcome}", 1, (_, n) => n + 1);
            Interlocked.Exchange(ref peak, Math.Max(Interlocked.Read(ref peak), server.ResidentBytes()));
        });
        var elapsed = clock.Elapsed;
        await Task.Delay(2000);
        var after = server.ResidentBytes();
        using var still = await client.PostAsJsonAsync("api/chat", new { userId = "flood-after", text = "公积金怎么提取" });

        Console.WriteLine($"## Oversized-body flood: {bodies} bodies of {megabytes} MB, {parallel} at a time, half chunked ({elapsed.TotalSeconds:F1} s)");
        Console.WriteLine();
        Console.WriteLine("| outcome | bodies |");
        Console.WriteLine("|---|---:|");
        foreach (var (outcome, count) in outcomes.OrderBy(o => o.Key, StringComparer.Ordinal)) Console.WriteLine($"| {outcome} | {count} |");
        Console.WriteLine();
        Console.WriteLine("| server RSS | MB |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine($"| before | {Mb(before)} |");
        Console.WriteLine($"| peak during | {Mb(peak)} |");
        Console.WriteLine($"| after | {Mb(after)} |");
        Console.WriteLine($"| growth (allowance {Mb(allowance)}) | {Mb(after - before)} |");
        Console.WriteLine($"| a normal turn afterwards | HTTP {(int)still.StatusCode} |");
        var passed = after - before <= allowance && still.IsSuccessStatusCode;
        Console.WriteLine();
        Console.WriteLine(passed ? "PASS: memory stayed flat and the server still answers." : "FAIL: memory grew beyond the allowance, or the server stopped answering.");
        return passed ? 0 : 1;
    }

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("F0", CultureInfo.InvariantCulture);

    /// <summary>The payload with <c>Transfer-Encoding: chunked</c>: no declared length, so only reading can stop it.</summary>
    private sealed class ChunkedBody(byte[] payload) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var offset = 0; offset < payload.Length; offset += 64 * 1024)
                await stream.WriteAsync(payload.AsMemory(offset, Math.Min(64 * 1024, payload.Length - offset)));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
