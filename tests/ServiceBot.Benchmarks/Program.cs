using ServiceBot.Benchmarks.Retrieval;
using ServiceBot.Retrieval.Evaluation;

const string Usage = "usage: ServiceBot.Benchmarks retrieval [options] | train-ranker [options] | train-knowledge-ranker [options] | rank-gap [--set FILE] [--list] | seedqa [--set dev|heldout|unseen|seed] [--file PATH] [--misses FILE] | refusal [SET.jsonl] [--vary OPTION] | train-refusal [SET.jsonl] [--folds N] [--by-batch] [--oof FILE] [--l2 X] [--out FILE] [--without FEATURE,...] [--both-deployments [--alone-share X]] [--trees N] | taught-refusals DEV_MISSES [--unseen FILE MISSES]... | scaling [--scales 1,2,4,8] [--queries N] | synthetic-index [--clauses N] [--postings N] | intents | turns [--users N] [--rounds N] [--max-seconds N] | turns --open-loop [--rates 200,500,1000,2000] [--seconds N] [--find-max] [--p99-ms N] | storage-turns [--conversations N] [--turns N] [--parallel N] | replicas [--postgres CONNECTION-STRING] [--users N] [--rounds N] | calls [--set dev|heldout] [--file PATH] | flood [--bodies N] [--megabytes N] [--parallel N] | mine-lay-terms [--folds N] [--source similar|dev] [--weight X] [--out FILE]   (retrieval --help lists the options)";

if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.Error.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}

var rest = args[1..];
switch (args[0])
{
    case "retrieval":
        return RunWithOptions(rest, RetrievalBenchmarkOptions.Usage, RetrievalBenchmarkOptions.Parse, StardBenchmark.Run);
    case "train-ranker":
        return RunWithOptions(rest, ServiceBot.Benchmarks.Ranking.TrainRankerOptions.Usage,
            ServiceBot.Benchmarks.Ranking.TrainRankerOptions.Parse, ServiceBot.Benchmarks.Ranking.TrainRanker.Run);
    case "train-knowledge-ranker":
        return RunWithOptions(rest, ServiceBot.Benchmarks.Ranking.TrainKnowledgeRanker.Usage,
            ServiceBot.Benchmarks.Ranking.TrainRankerOptions.ParseKnowledge, ServiceBot.Benchmarks.Ranking.TrainKnowledgeRanker.Run);
    case "scaling":
        // The scaling benchmark reports a worker process that failed as an invalid operation: a user-facing error too.
        return RunWithOptions(rest, ServiceBot.Benchmarks.Scaling.ScalingOptions.Usage,
            ServiceBot.Benchmarks.Scaling.ScalingOptions.Parse, ServiceBot.Benchmarks.Scaling.ScalingBenchmark.Run, workerErrors: true);
    case ServiceBot.Benchmarks.Scaling.ScalingWorker.Command:
        try
        {
            return ServiceBot.Benchmarks.Scaling.ScalingWorker.Run(rest);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 2;
        }
    case "synthetic-index":
        return ServiceBot.Benchmarks.Scaling.SyntheticIndexBenchmark.Run(rest);
    case "intents":
        return ServiceBot.Benchmarks.Intents.IntentBenchmark.Run();
    case "turns":
        return await ServiceBot.Benchmarks.Turns.TurnBenchmark.RunAsync(rest);
    case "storage-turns":
        return await ServiceBot.Benchmarks.Turns.StorageTurnBenchmark.RunAsync(rest);
    case "replicas":
        return await ServiceBot.Benchmarks.Replicas.ReplicaBenchmark.RunAsync(rest);
    case "calls":
        return await ServiceBot.Benchmarks.Calls.CallAssistBenchmark.RunAsync(rest);
    case "flood":
        return await ServiceBot.Benchmarks.Flood.FloodBenchmark.RunAsync(rest);
    case "rank-gap":
        return await ServiceBot.Benchmarks.Ranking.RankGap.RunAsync(rest);
    case "seedqa":
        return await ServiceBot.Benchmarks.Answers.SeedQaBenchmark.RunAsync(rest);
    case "refusal":
        return await ServiceBot.Benchmarks.Answers.RefusalSweep.RunAsync(rest);
    case "mine-lay-terms":
        if (rest.Contains("--help") || rest.Contains("-h"))
        {
            Console.Error.WriteLine(ServiceBot.Benchmarks.Mining.MineLayTerms.Usage);
            return 0;
        }
        return await ServiceBot.Benchmarks.Mining.MineLayTerms.RunAsync(rest);
    case "train-refusal":
        return await ServiceBot.Benchmarks.Answers.RefusalTraining.RunAsync(rest);
    case "taught-refusals":
        return await ServiceBot.Benchmarks.Answers.TaughtRefusalSweep.RunAsync(rest);
    default:
        Console.Error.WriteLine($"unknown benchmark \"{args[0]}\"\n{Usage}");
        return 2;
}

// --help prints the command's usage; bad options print it after the error; bad or missing data is a user error
// (exit 2), and anything else keeps its stack trace.
static int RunWithOptions<TOptions>(string[] rest, string usage, Func<string[], TOptions> parse, Func<TOptions, int> run, bool workerErrors = false)
{
    if (rest.Contains("--help") || rest.Contains("-h"))
    {
        Console.Error.WriteLine(usage);
        return 0;
    }
    TOptions options;
    try
    {
        options = parse(rest);
    }
    catch (ArgumentException ex)
    {
        Console.Error.WriteLine($"error: {ex.Message}\n{usage}");
        return 2;
    }
    try
    {
        return run(options);
    }
    catch (Exception ex) when (ex is CorpusFormatException or FileNotFoundException or DirectoryNotFoundException or InvalidDataException
        || (workerErrors && ex is InvalidOperationException))
    {
        Console.Error.WriteLine($"error: {ex.Message}");
        return 2;
    }
}
