using System.Globalization;
using ServiceBot.Benchmarks.Retrieval;

namespace ServiceBot.Benchmarks.Ranking;

/// <summary>Command-line options of <c>train-ranker</c>.</summary>
public sealed record TrainRankerOptions
{
    public const string Usage = """
        usage: train-ranker [options]
          --corpus stard|lay what to learn: statute retrieval on STARD's dev split (default), or the lay-question
                             set over the bot's own knowledge (knowledge/ and ../shared/knowledge-corpus/laws)
          --stard DIR        STARD folder (default: <repo>/../shared/datasets/stard)
          --set FILE         with --corpus lay: the lay-question set (default: tests/datasets/lay-questions/dev.jsonl)
          --depth N          first-stage candidates per query the ranker reorders (default 100)
          --folds N          cross-validation folds, split by query (default 5)
          --trees N          boosted trees (default 100)
          --leaves N         leaves per tree (default 16)
          --min-leaf N       fewest training rows in a leaf (default 50)
          --learning-rate X  shrinkage (default 0.1)
          --seed N           fold assignment and training seed (default 7)
          --out FILE         where the model trained on every query goes
                             (default: src/ServiceBot.Core/Retrieval/Ranking/Model/lexical-ranker.json, or
                             knowledge-ranker.json with --corpus lay)
          --no-save          cross-validate only
        """;

    public const string StardCorpus = "stard";
    public const string LayCorpus = "lay";

    public string Corpus { get; init; } = StardCorpus;
    public string? StardDirectory { get; init; }
    public string? LaySet { get; init; }
    public int Depth { get; init; } = 100;
    public int Folds { get; init; } = 5;
    public int Trees { get; init; } = 100;
    public int Leaves { get; init; } = 16;
    public int MinimumLeafRows { get; init; } = 50;
    public double LearningRate { get; init; } = 0.1;
    public int Seed { get; init; } = 7;
    public string? Out { get; init; }

    public string OutPath => Out ?? Path.Combine(RepositoryPaths.FindRoot(), "src", "ServiceBot.Core", "Retrieval", "Ranking", "Model",
        Corpus == LayCorpus ? "knowledge-ranker.json" : "lexical-ranker.json");
    public bool Save { get; init; } = true;

    /// <exception cref="ArgumentException">An option is unknown, lacks its value or has a bad value.</exception>
    public static TrainRankerOptions Parse(IReadOnlyList<string> args)
    {
        var options = new TrainRankerOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Count(int min)
            {
                var name = args[i];
                var text = Value();
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min
                    ? n
                    : throw new ArgumentException($"{name} expects an integer >= {min}, got \"{text}\"");
            }
            double Rate()
            {
                var text = Value();
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x > 0 && x <= 1
                    ? x
                    : throw new ArgumentException($"--learning-rate expects a number in (0, 1], got \"{text}\"");
            }

            options = args[i] switch
            {
                "--corpus" => options with { Corpus = Value() is var corpus && corpus is StardCorpus or LayCorpus ? corpus : throw new ArgumentException($"--corpus accepts stard or lay; got \"{corpus}\"") },
                "--stard" => options with { StardDirectory = Value() },
                "--set" => options with { LaySet = Value() },
                "--depth" => options with { Depth = Count(10) },
                "--folds" => options with { Folds = Count(2) },
                "--trees" => options with { Trees = Count(1) },
                "--leaves" => options with { Leaves = Count(2) },
                "--min-leaf" => options with { MinimumLeafRows = Count(1) },
                "--learning-rate" => options with { LearningRate = Rate() },
                "--seed" => options with { Seed = Count(0) },
                "--out" => options with { Out = Value() },
                "--no-save" => options with { Save = false },
                _ => throw new ArgumentException($"unknown option \"{args[i]}\""),
            };
        }
        return options;
    }
}
