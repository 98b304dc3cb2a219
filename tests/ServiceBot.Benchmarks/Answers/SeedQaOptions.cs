namespace ServiceBot.Benchmarks.Answers;

/// <summary>Command-line options of the <c>seedqa</c> benchmark.</summary>
public sealed record SeedQaOptions
{
    public const string Usage = """
        usage: seedqa [options]
          --set dev|heldout|unseen|seed
                                  the lay-question dev set (default), the held-out set, the slices written after the
                                  models were last trained (scored at first sight), or the 12 seed questions
                                  (<repo>/../shared/datasets/seed-qa/dev.jsonl, phrase-judged)
          --file PATH             any file in the lay-question format instead of --set
          --misses FILE           write the items the bot failed, with what it cited, as JSONL
          --no-knowledge-ranker   order the answer's candidates by coverage alone (Retrieval:UseKnowledgeRanker=false)
          --linked-only           the ranker's neighbour features read the clauses' linked questions alone, not the shipped
                                  annotated lay questions (Retrieval:UseAnnotatedQuestions=false): the dev set's own items
                                  are among those, so without it dev figures find each item's own question
          --withhold-own          answer every item again without its own annotated question (five folds by position,
                                  each fold's lines left out of the annotated questions) and score those answers: the
                                  dev set without finding itself among the neighbours (the ranker's trees still saw it)
          --without-laws          index knowledge/ alone, as the service on its defaults does: a question only laws answer
                                  must then be refused, so it is scored as a must-refuse question
        """;

    public string Set { get; init; } = "dev";
    public string? File { get; init; }
    public string? MissesPath { get; init; }
    public bool UseKnowledgeRanker { get; init; } = true;
    public bool UseAnnotatedQuestions { get; init; } = true;
    public bool WithoutLaws { get; init; }

    /// <summary>Folds for <c>--withhold-own</c>; 0 scores the answers given with every annotated question.</summary>
    public int WithholdFolds { get; init; }

    /// <exception cref="ArgumentException">An option is unknown, lacks its value or has a bad value.</exception>
    public static SeedQaOptions Parse(IReadOnlyList<string> args)
    {
        var options = new SeedQaOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--set" => options with { Set = Value() is var set && set is "dev" or "heldout" or "unseen" or "seed" ? set : throw new ArgumentException($"--set accepts dev, heldout, unseen or seed; got \"{set}\"") },
                "--file" => options with { File = Value() },
                "--misses" => options with { MissesPath = Value() },
                "--no-knowledge-ranker" => options with { UseKnowledgeRanker = false },
                "--linked-only" => options with { UseAnnotatedQuestions = false },
                "--without-laws" => options with { WithoutLaws = true },
                "--withhold-own" => options with { WithholdFolds = 5 },
                _ => throw new ArgumentException($"unknown option \"{args[i]}\""),
            };
        }
        if (options.File is not null && options.Set == "seed") throw new ArgumentException("--file and --set seed exclude each other");
        return options;
    }

    /// <summary>The lay-question file to score: <see cref="File"/>, or the named set under tests/datasets/lay-questions.</summary>
    public string QuestionsPath(string repositoryRoot)
        => File is { } file ? Path.GetFullPath(file) : Path.Combine(repositoryRoot, "tests", "datasets", "lay-questions", $"{Set}.jsonl");
}
