using System.Text.Json;
using ServiceBot.Storage;

namespace ServiceBot.Answers.Refusal;

/// <summary>
/// A logistic regression over <see cref="GroundingFeatures"/> and the question's <see cref="DomainScore"/>: the probability
/// that the knowledge really answers a question the hard rule lets through. Below <see cref="Threshold"/> the question is
/// refused, at or above it answered, whatever the coverage thresholds say (their verdict is one of the features). The hard
/// rule's guarantees (a figure asked for must be stated, a question in another field's words is refused) hold before it.
/// Trained offline by the benchmarks' <c>train-refusal</c> with cross-validation on the development set; the file is data,
/// loaded and checked at start.
/// </summary>
public sealed class RefusalModel
{
    public const string FormatName = "servicebot-refusal-model";
    public const int FormatVersion = 3;

    /// <summary>
    /// A clause of a document the model was not trained with (<see cref="WasTrainedWith"/>) whose own text holds this share of
    /// the question is never vetoed. The domain score learns which wordings the knowledge of its day leaves unanswered; a
    /// document added later must still answer what it plainly says.
    /// </summary>
    public const double UnvetoedTextCoverage = 0.7;

    private static int Index(string feature) => GroundingFeatures.Names.ToList().IndexOf(feature);

    private static readonly int TextCoverageIndex = Index("text_coverage");

    /// <summary>
    /// Features that say the question asks for something the cited clauses do not state (a figure of another kind, a payer,
    /// an hour or an address, the asker's own record): the clause may hold the question's words, not its answer.
    /// </summary>
    private static readonly int[] AskedThingUnstated =
        [.. new[] { "figure_kind_unstated", "payer_unstated", "aspect_unstated", "personal_record" }.Select(Index)];

    /// <summary>Where the shipped model sits beside the program.</summary>
    public const string RelativePath = "answers/refusal-model.json";

    // The domain grams are Chinese characters: written as they are, so the file reads and diffs as text.
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly double[] _weights;

    /// <param name="domainWeight">The weight of the question's <paramref name="domain"/> score.</param>
    /// <exception cref="ArgumentException">The features are not this build's, a weight is not finite, or the threshold is outside 0–1.</exception>
    /// <param name="englishThreshold">The threshold for English questions; the same as <paramref name="threshold"/> when absent.</param>
    /// <param name="trainedDocuments">The knowledge documents the model was trained beside; none when unknown.</param>
    public RefusalModel(IReadOnlyList<string> features, IReadOnlyList<double> weights, double bias, double threshold, DomainScore domain,
        double domainWeight, double? englishThreshold = null, IEnumerable<string>? trainedDocuments = null)
    {
        if (!features.SequenceEqual(GroundingFeatures.Names, StringComparer.Ordinal))
            throw new ArgumentException(
                $"the model names the features [{string.Join(", ", features)}]; this build computes [{string.Join(", ", GroundingFeatures.Names)}]. Train it again.");
        if (weights.Count != features.Count) throw new ArgumentException($"{weights.Count} weights for {features.Count} features");
        if (weights.Append(bias).Append(domainWeight).Any(w => !double.IsFinite(w))) throw new ArgumentException("a weight or the bias is not a finite number");
        if (!(threshold is >= 0 and <= 1)) throw new ArgumentException($"the threshold {threshold} is outside 0–1");
        if (englishThreshold is not (null or (>= 0 and <= 1))) throw new ArgumentException($"the English threshold {englishThreshold} is outside 0–1");
        _weights = [.. weights];
        Bias = bias;
        Threshold = threshold;
        EnglishThreshold = englishThreshold ?? threshold;
        Domain = domain;
        DomainWeight = domainWeight;
        _trainedDocuments = new HashSet<string>(trainedDocuments ?? [], StringComparer.Ordinal);
    }

    private readonly HashSet<string> _trainedDocuments;

    /// <summary>
    /// The ids of the knowledge documents indexed when the model was trained. A clause of another document (uploaded since)
    /// is one the model never learnt to answer from, so its plain text may answer past it (<see cref="ClauseStatesIt(IReadOnlyList{double})"/>).
    /// </summary>
    public IReadOnlySet<string> TrainedDocuments => _trainedDocuments;

    /// <summary>Whether the model was trained beside the document <paramref name="documentId"/>.</summary>
    public bool WasTrainedWith(string documentId) => _trainedDocuments.Contains(documentId);

    public IReadOnlyList<double> Weights => _weights;

    public double Bias { get; }

    public DomainScore Domain { get; }

    public double DomainWeight { get; }

    /// <summary>The least probability at which an answer is given; chosen from the cross-validation curve.</summary>
    public double Threshold { get; }

    /// <summary>The least probability for an English question, chosen from the English questions' own cross-validation curve.</summary>
    public double EnglishThreshold { get; }

    /// <summary>The probability (0–1) that <paramref name="question"/> is answered by the clause the features describe.</summary>
    public double Probability(ReadOnlySpan<double> features, string question)
    {
        if (features.Length != _weights.Length) throw new ArgumentException($"{features.Length} features for a model of {_weights.Length}", nameof(features));
        var z = Bias + DomainWeight * Domain.Of(question);
        for (var i = 0; i < _weights.Length; i++) z += _weights[i] * features[i];
        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>
    /// Whether the clause's own text covers the question so far (<see cref="UnvetoedTextCoverage"/>) that a model not trained
    /// with its document may not veto it,
    /// unless the question asks for a kind of fact no cited clause states (<see cref="AskedThingUnstated"/>): 仲裁委员会在哪个区几楼
    /// is worded like the article on arbitration committees, which names no floor.
    /// </summary>
    public static bool ClauseStatesIt(IReadOnlyList<double> features)
        => features[TextCoverageIndex] >= UnvetoedTextCoverage && !AsksWhatNoCitedClauseStates(features);

    /// <summary>
    /// <see cref="ClauseStatesIt(IReadOnlyList{double})"/> for the clause the answer would open with: it must also state the
    /// kind of figure or the payer asked for itself (<see cref="AskedKind.Unstated"/>), whatever another cited clause states.
    /// 五、(十一) words 快递丢件了快递员要赔多少 closely but names no sum; an article on double wages cited beside it does not
    /// make it the answer.
    /// </summary>
    public static bool ClauseStatesIt(IReadOnlyList<double> features, string question, string clauseText)
        => ClauseStatesIt(features) && !AskedKind.Unstated(question, clauseText);

    /// <summary>
    /// A 相似问法 the maintainers linked to this very clause matches the question this closely, both ways, and it covers the
    /// question as far: they taught the clause to answer it. Out of fold on the development set, questions past this match that
    /// the model refused were answerable (5 of 5); at 0.75 three of eleven were not (how many of Yiwu's merchants are from Russia).
    /// </summary>
    public const double TaughtMatchAnswers = 0.8;

    private static readonly int CoverageIndex = Index("coverage");
    private static readonly int QuestionMatchIndex = Index("question_match");
    private static readonly int TaughtMatchIndex = Index("taught_match");

    /// <summary>
    /// Features that say the question asks beyond any taught question, besides <see cref="AskedThingUnstated"/>: a figure
    /// the clause does not state, a city or platform it does not name, or a verdict.
    /// </summary>
    private static readonly int[] AsksBeyondTheClause = [.. AskedThingUnstated, .. new[] { "figure_unstated", "named_unstated", "asks_judgement" }.Select(Index)];

    /// <summary>
    /// Whether a taught question of the judged clause matches the question nearly word for word (<see cref="TaughtMatchAnswers"/>)
    /// and the question asks nothing the clause does not state: such a question is answered, whatever the model's probability.
    /// </summary>
    public static bool TaughtAlmostVerbatim(IReadOnlyList<double> features)
        => features[TaughtMatchIndex] > 0 && features[QuestionMatchIndex] >= TaughtMatchAnswers && features[CoverageIndex] >= TaughtMatchAnswers
           && !AsksBeyondTheClause.Any(i => features[i] > 0.5);

    /// <summary>
    /// Whether the question asks for a kind of fact no cited clause states: a figure of another kind, a payer, an hour or an
    /// address, or the asker's own record (<see cref="AskedThingUnstated"/>).
    /// </summary>
    public static bool AsksWhatNoCitedClauseStates(IReadOnlyList<double> features) => AskedThingUnstated.Any(i => features[i] > 0.5);

    /// <summary><see cref="AsksWhatNoCitedClauseStates"/> read from the texts, for a single clause.</summary>
    public static bool AsksWhatClauseDoesNotState(string question, string clauseText)
        => AskedKind.Unstated(question, clauseText) || AskedAspect.IsUnstated(question, clauseText) || AskedKind.AsksPersonalRecord(question);

    public void Save(string path)
    {
        var file = new ModelFile(FormatName, FormatVersion, GroundingFeatures.Names, _weights, Bias, Threshold, DomainWeight,
            new SortedDictionary<string, double>(Domain.Weights.ToDictionary(), StringComparer.Ordinal), EnglishThreshold,
            [.. _trainedDocuments.Order(StringComparer.Ordinal)]);
        JsonDataFile.Write(path, file, Json);
    }

    /// <exception cref="InvalidDataException">The file is missing, not a refusal model of this format, or names other features.</exception>
    public static RefusalModel Load(string path)
    {
        ModelFile? file;
        try
        {
            file = JsonDataFile.Read<ModelFile>(path, Json, "a refusal model");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path} cannot be read as a refusal model: {error.Message}", error);
        }
        if (file is null || file.Format != FormatName || file.Version != FormatVersion || file.Features is null || file.Weights is null
            || file.DomainGrams is null)
            throw new InvalidDataException($"{path} is not a {FormatName} file of version {FormatVersion}.");
        try
        {
            return new RefusalModel(file.Features, file.Weights, file.Bias, file.Threshold, new DomainScore(file.DomainGrams), file.DomainWeight,
                file.EnglishThreshold, file.TrainedDocuments);
        }
        catch (ArgumentException error)
        {
            throw new InvalidDataException($"{path}: {error.Message}", error);
        }
    }

    /// <summary>
    /// The model <paramref name="options"/> ask for: none when <see cref="AnswerOptions.UseRefusalModel"/> is off; the
    /// configured <see cref="AnswerOptions.RefusalModelPath"/> (which must load); else the shipped file beside the
    /// program, and the grounding rule alone when it is absent.
    /// </summary>
    /// <exception cref="InvalidDataException">A configured or shipped file does not load.</exception>
    public static RefusalModel? FromOptions(AnswerOptions options)
    {
        if (!options.UseRefusalModel) return null;
        if (!string.IsNullOrWhiteSpace(options.RefusalModelPath)) return Load(options.RefusalModelPath);
        var shipped = Path.Combine(AppContext.BaseDirectory, RelativePath);
        return File.Exists(shipped) ? Load(shipped) : null;
    }

    private sealed record ModelFile(string Format, int Version, IReadOnlyList<string>? Features, IReadOnlyList<double>? Weights, double Bias, double Threshold,
        double DomainWeight, IReadOnlyDictionary<string, double>? DomainGrams, double? EnglishThreshold = null,
        IReadOnlyList<string>? TrainedDocuments = null);
}
