using System.Globalization;
using ServiceBot.Benchmarks.Retrieval;
using ServiceBot.Retrieval.Lexical;
using ServiceBot.Retrieval.Ranking;

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
          --bags N           average N ensembles, each trained on a seeded share of the queries (default 1: one ensemble)
          --bag-share X      the share of the queries each bag trains on (default 0.8)
          --out FILE         where the model trained on every query goes
                             (default: src/ServiceBot.Core/Retrieval/Ranking/Model/lexical-ranker.json, or
                             lay-lexical-ranker.json in the temporary folder with --corpus lay)
          --no-save          cross-validate only
          --first-stage-only cross-validate the first stage alone (no ranker is trained; implies --no-save)
          STARD only — the lay → statute term translation table, learned inside each fold:
          --no-translations  rank without it (and save no table)
          --translation-weight X  weight of a translated word relative to a typed one (default 1)
          --min-lift X       least lift of a translation over its base rate in relevant articles (default 2)
          --min-strength X   least smoothed P(translation | word) (default 0.2)
          --max-translations N  most translations per word (default 10)
          --query-translations N  most translated words added to one query, strongest first (default 10)
          --max-corpus-share X  drop translations used by more than this share of the pool's clauses (default 0.2)
          --translations-out FILE  where the table learned on every query goes
                             (default: src/ServiceBot.Core/Retrieval/Ranking/Model/term-translations.json)
          STARD only — the law prior (how often questions cite each law), learned inside each fold:
          --no-law-prior     rank without it (and save no prior)
          --law-prior-weight X  a cited law's clauses score × (1 + X × strength) (default 0.7)
          --law-prior-exponent X  strength = P(law | the query's words)^X (default 0.3)
          --law-prior-smoothing X  questions' worth of the overall shares mixed into each word's law counts (default 2)
          --law-prior-out FILE  where the prior learned on every query goes
                             (default: src/ServiceBot.Core/Retrieval/Ranking/Model/law-prior.json)
          STARD only — the first stage's parameters (LexicalIndexOptions.StatuteScoring unless told):
          --default-scoring  rank with the knowledge base's first-stage parameters instead
          --first-stage-grid "A=1,B=2 / A=3 / …"  the first stage's out-of-fold R@10 and R@100 for each setting of
                             LexicalIndexOptions over the statute parameters (e.g. "K1=1.2,B=0.75 / GroupWeight=1";
                             an empty setting is the shipped one), and the setting chosen inside each fold; no ranker is trained
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
    public int Bags { get; init; } = 1;
    public double BagShare { get; init; } = 0.8;
    public string? Out { get; init; }

    /// <summary>train-knowledge-ranker: whether the neighbour features read the set's own questions (out of fold) beside the linked questions.</summary>
    public bool UseAnnotated { get; init; } = true;

    /// <summary>train-knowledge-ranker: one batch as the only test fold (a slice written after the rest), the other items training.</summary>
    public string? TestBatch { get; init; }

    /// <summary>
    /// train-knowledge-ranker: folds that keep every item naming the same first clause together, so that a row's neighbour
    /// features never see another question about its clause, as for a clause nobody has asked about yet.
    /// </summary>
    public bool FoldsByClause { get; init; }

    /// <summary>train-knowledge-ranker: where the annotated questions of every item go.</summary>
    public string? AnnotatedOut { get; init; }

    /// <summary>
    /// Where the model goes. A lexical ranker trained on lay questions is for study, not shipped: the knowledge base ships
    /// the ranker of <c>train-knowledge-ranker</c>, over other features.
    /// </summary>
    public string OutPath => Out ?? (Corpus == LayCorpus
        ? Path.Combine(Path.GetTempPath(), "lay-lexical-ranker.json")
        : Path.Combine(RepositoryPaths.FindRoot(), "src", "ServiceBot.Core", "Retrieval", "Ranking", "Model", "lexical-ranker.json"));
    public bool Save { get; init; } = true;
    public bool FirstStageOnly { get; init; }
    public bool UseTranslations { get; init; } = true;
    public float TranslationWeight { get; init; } = new LexicalIndexOptions().TranslationWeight;
    public int TranslationsPerQuery { get; init; } = new LexicalIndexOptions().MaxTranslationsPerQuery;
    public TermTranslationLearnerOptions Translation { get; init; } = new();
    public string? TranslationsOut { get; init; }

    public bool UseLawPrior { get; init; } = true;
    public float LawPriorWeight { get; init; } = new LexicalIndexOptions().LawPriorWeight;
    public float LawPriorExponent { get; init; } = new LexicalIndexOptions().LawPriorExponent;
    public float LawPriorSmoothing { get; init; } = new LexicalIndexOptions().LawPriorSmoothing;
    public string? LawPriorOut { get; init; }

    public bool DefaultScoring { get; init; }
    public IReadOnlyList<FirstStageGrid.Setting>? FirstStageGrid { get; init; }

    public string LawPriorOutPath => LawPriorOut ?? Path.Combine(RepositoryPaths.FindRoot(), "src", "ServiceBot.Core", "Retrieval", "Ranking",
        "Model", "law-prior.json");

    public string TranslationsOutPath => TranslationsOut ?? Path.Combine(RepositoryPaths.FindRoot(), "src", "ServiceBot.Core", "Retrieval", "Ranking",
        "Model", "term-translations.json");

    /// <summary>
    /// The knowledge ranker's trees: it orders some 35 candidates a question from sixteen thousand rows of features, and out of
    /// fold 300 trees of 32 leaves ranked better than 100 of 16 (hit@3 0.842 → 0.852); 500 of 32, or 300 of 64, did no better.
    /// </summary>
    public static TrainRankerOptions KnowledgeDefaults => new() { Trees = 300, Leaves = 32 };

    /// <exception cref="ArgumentException">An option is unknown, lacks its value or has a bad value.</exception>
    public static TrainRankerOptions Parse(IReadOnlyList<string> args) => Parse(args, new TrainRankerOptions());

    /// <summary>train-knowledge-ranker's options, from <see cref="KnowledgeDefaults"/>.</summary>
    public static TrainRankerOptions ParseKnowledge(IReadOnlyList<string> args) => Parse(args, KnowledgeDefaults);

    private static TrainRankerOptions Parse(IReadOnlyList<string> args, TrainRankerOptions defaults)
    {
        var options = defaults;
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
            double Number(double min, double max)
            {
                var name = args[i];
                var text = Value();
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x >= min && x <= max
                    ? x
                    : throw new ArgumentException($"{name} expects a number in [{min}, {max}], got \"{text}\"");
            }
            TermTranslationLearnerOptions Learner(Action<TermTranslationLearnerOptions> set)
            {
                var learner = new TermTranslationLearnerOptions
                {
                    MinQueries = options.Translation.MinQueries, MinPairs = options.Translation.MinPairs, MinLift = options.Translation.MinLift,
                    Smoothing = options.Translation.Smoothing, MinStrength = options.Translation.MinStrength, MaxPerWord = options.Translation.MaxPerWord,
                    MaxCorpusShare = options.Translation.MaxCorpusShare,
                };
                set(learner);
                return learner;
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
                "--bags" => options with { Bags = Count(1) },
                "--bag-share" => options with { BagShare = Rate() },
                "--out" => options with { Out = Value() },
                "--linked-only" => options with { UseAnnotated = false },
                "--annotated-out" => options with { AnnotatedOut = Value() },
                "--test-batch" => options with { TestBatch = Value(), Folds = 2, Save = false },
                "--no-save" => options with { Save = false },
                "--by-clause" => options with { FoldsByClause = true },
                "--first-stage-only" => options with { FirstStageOnly = true, Save = false },
                "--no-translations" => options with { UseTranslations = false },
                "--translation-weight" => options with { TranslationWeight = (float)Number(0, 1) },
                "--min-lift" => options with { Translation = Learner(l => l.MinLift = Number(1, 1000)) },
                "--min-strength" => options with { Translation = Learner(l => l.MinStrength = Number(0, 1)) },
                "--query-translations" => options with { TranslationsPerQuery = Count(0) },
                "--max-corpus-share" => options with { Translation = Learner(l => l.MaxCorpusShare = Number(0, 1)) },
                "--max-translations" => options with { Translation = Learner(l => l.MaxPerWord = Count(1)) },
                "--translations-out" => options with { TranslationsOut = Value() },
                "--no-law-prior" => options with { UseLawPrior = false },
                "--law-prior-weight" => options with { LawPriorWeight = (float)Number(0, 10) },
                "--law-prior-exponent" => options with { LawPriorExponent = (float)Number(0.05, 2) },
                "--law-prior-smoothing" => options with { LawPriorSmoothing = (float)Number(0.01, 1000) },
                "--law-prior-out" => options with { LawPriorOut = Value() },
                "--default-scoring" => options with { DefaultScoring = true },
                "--first-stage-grid" => options with { FirstStageGrid = Ranking.FirstStageGrid.Parse(Value()), Save = false },
                _ => throw new ArgumentException($"unknown option \"{args[i]}\""),
            };
        }
        return options;
    }
}
