using ServiceBot.Answers;
using ServiceBot.Answers.Refusal;
using ServiceBot.Core.Tests.Knowledge;

namespace ServiceBot.Core.Tests.Answers.Refusal;

public sealed class RefusalModelTests
{
    private static string ShippedPath => Path.Combine(AppContext.BaseDirectory, RefusalModel.RelativePath);

    private static readonly DomainScore NoDomain = new(new Dictionary<string, double>());

    /// <summary>A model whose probability is always 0.5: every weight 0 and an empty domain table.</summary>
    /// <summary>A model that gives every answer 0.5, trained beside <paramref name="trainedDocuments"/> (none by default).</summary>
    public static RefusalModel Flat(double threshold, IEnumerable<string>? trainedDocuments = null)
        => new(GroundingFeatures.Names, new double[GroundingFeatures.Names.Count], 0, threshold, NoDomain, 0, trainedDocuments: trainedDocuments);

    [Fact]
    public void Load_ShippedModel_ReadsThisBuildsFeaturesAndAThreshold()
    {
        var model = RefusalModel.Load(ShippedPath);

        Assert.Equal(GroundingFeatures.Names.Count, model.Weights.Count);
        Assert.InRange(model.Threshold, 0.01, 0.99);
    }

    [Fact]
    public void Load_ShippedModel_KnowsTheDocumentsItWasTrainedWith()
    {
        var model = RefusalModel.Load(ShippedPath);

        Assert.True(model.WasTrainedWith("policies/new-employment-groups-opinion-2025"));
        Assert.True(model.WasTrainedWith("guides/wage-complaint"));
        Assert.False(model.WasTrainedWith("uploads/a-document-added-since"));
    }

    [Fact]
    public void Save_ThenLoad_KeepsTheTrainedDocuments()
    {
        var path = Path.Combine(Path.GetTempPath(), $"refusal-{Guid.NewGuid():N}.json");
        try
        {
            new RefusalModel(GroundingFeatures.Names, new double[GroundingFeatures.Names.Count], 0, 0.5, NoDomain, 0, 0.4, ["guides/b", "guides/a"]).Save(path);

            var loaded = RefusalModel.Load(path);

            Assert.Equal(["guides/a", "guides/b"], loaded.TrainedDocuments.Order(StringComparer.Ordinal));
            Assert.Contains("\"trainedDocuments\"", File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_MalformedFile_ThrowsNamingTheFile()
    {
        using var folder = new TempFolder();
        var path = folder.Write("model.json", "{ not json");

        var error = Assert.Throws<InvalidDataException>(() => RefusalModel.Load(path));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Load_MissingFile_ThrowsNamingTheFile()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "absent.json");

        var error = Assert.Throws<InvalidDataException>(() => RefusalModel.Load(path));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Load_ModelOfOtherFeatures_ThrowsAskingToTrainAgain()
    {
        using var folder = new TempFolder();
        var path = folder.Write("model.json",
            """{"format":"servicebot-refusal-model","version":3,"features":["coverage"],"weights":[1.0],"bias":0,"threshold":0.5,"domainWeight":1,"domainGrams":{}}""");

        var error = Assert.Throws<InvalidDataException>(() => RefusalModel.Load(path));

        Assert.Contains("Train it again", error.Message);
    }

    [Fact]
    public void Load_VetoModelOfVersionTwo_ThrowsNamingTheVersionNeeded()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "model.json");
        Flat(0.5).Save(path);
        File.WriteAllText(path, File.ReadAllText(path).Replace($"\"version\": {RefusalModel.FormatVersion}", "\"version\": 2"));

        var error = Assert.Throws<InvalidDataException>(() => RefusalModel.Load(path));

        Assert.Contains(path, error.Message);
        Assert.Contains($"version {RefusalModel.FormatVersion}", error.Message);
    }

    [Fact]
    public void Load_ModelOfTheFormerVersionWithoutDomainScore_ThrowsNamingTheVersion()
    {
        using var folder = new TempFolder();
        var path = folder.Write("model.json",
            """{"format":"servicebot-refusal-model","version":1,"features":["coverage"],"weights":[1.0],"bias":0,"threshold":0.5}""");

        var error = Assert.Throws<InvalidDataException>(() => RefusalModel.Load(path));

        Assert.Contains($"version {RefusalModel.FormatVersion}", error.Message);
    }

    [Fact]
    public void Load_DomainGramOfThreeCharacters_ThrowsNamingTheGram()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "model.json");
        new RefusalModel(GroundingFeatures.Names, new double[GroundingFeatures.Names.Count], 0, 0.5, new DomainScore(new Dictionary<string, double> { ["社保"] = 1 }), 1)
            .Save(path);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"社保\"", "\"社保卡\""));

        var error = Assert.Throws<InvalidDataException>(() => RefusalModel.Load(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("社保卡", error.Message);
    }

    [Fact]
    public void Load_ThresholdOutsideZeroToOne_Throws()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "model.json");
        Flat(0.5).Save(path);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"threshold\": 0.5", "\"threshold\": 1.5"));

        var error = Assert.Throws<InvalidDataException>(() => RefusalModel.Load(path));

        Assert.Contains("threshold", error.Message);
    }

    [Fact]
    public void Save_ThenLoad_GivesTheSameProbabilities()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "model.json");
        var weights = GroundingFeatures.Names.Select((_, i) => (i % 3 - 1) * 0.7).ToArray();
        var domain = new DomainScore(new Dictionary<string, double> { ["社保"] = 1.5, ["护照"] = -2, ["转"] = 0.25 });
        var saved = new RefusalModel(GroundingFeatures.Names, weights, -0.4, 0.3, domain, 0.8, englishThreshold: 0.45);
        var features = GroundingFeatures.Names.Select((_, i) => i / 10.0).ToArray();

        saved.Save(path);
        var loaded = RefusalModel.Load(path);

        Assert.Equal(saved.Probability(features, "社保转不了"), loaded.Probability(features, "社保转不了"), 12);
        Assert.NotEqual(loaded.Probability(features, "社保转不了"), loaded.Probability(features, "护照转不了"));
        Assert.Equal(0.3, loaded.Threshold);
        Assert.Equal(0.45, loaded.EnglishThreshold);
        Assert.Contains("\"社保\"", File.ReadAllText(path));
    }

    [Fact]
    public void Load_FileWithoutAnEnglishThreshold_UsesTheThresholdForEnglishToo()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "model.json");
        Flat(0.35).Save(path);
        // A model saved before English questions had their own threshold: the field (written last) is absent.
        File.WriteAllLines(path, File.ReadAllLines(path).Where(line => !line.Contains("englishThreshold", StringComparison.Ordinal)));
        File.WriteAllText(path, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(path), @",(\s*\})\s*$", "$1"));

        var loaded = RefusalModel.Load(path);

        Assert.Equal(0.35, loaded.EnglishThreshold);
    }

    [Fact]
    public void FromOptions_ModelTurnedOff_LeavesTheRuleAlone()
        => Assert.Null(RefusalModel.FromOptions(new AnswerOptions { UseRefusalModel = false }));

    [Fact]
    public void FromOptions_NothingConfigured_LoadsTheShippedModel()
        => Assert.NotNull(RefusalModel.FromOptions(new AnswerOptions()));

    [Fact]
    public void Validate_ConfiguredModelMissing_FailsWithTheReason()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "absent.json");

        var result = new AnswerOptionsValidator().Validate(null, new AnswerOptions { RefusalModelPath = path });

        Assert.True(result.Failed);
        Assert.Contains(path, result.FailureMessage);
        Assert.Contains(nameof(AnswerOptions.RefusalModelPath), result.FailureMessage);
    }

    [Theory]
    [InlineData("coverage", 1)]
    [InlineData("text_coverage", 1)]
    [InlineData("content_coverage", 1)]
    [InlineData("taught_match", 1)]
    [InlineData("foreign_share", -1)]
    [InlineData("uncovered_word", -1)]
    [InlineData("figure_unstated", -1)]
    [InlineData("thresholds_pass", 1)]
    [InlineData("ranker_confidence", 1)]
    [InlineData("ranker_coverage", 1)]
    [InlineData("question_match", 1)]
    [InlineData("named_unstated", -1)]
    [InlineData("aspect_unstated", -1)]
    [InlineData("asks_judgement", -1)]
    [InlineData("figure_kind_unstated", -1)]
    [InlineData("payer_unstated", -1)]
    [InlineData("personal_record", -1)]
    [InlineData("asked_part_coverage", 1)]
    public void Probability_ShippedModel_MovesOneWayWithTheFeature(string feature, int direction)
    {
        var model = RefusalModel.Load(ShippedPath);
        var index = GroundingFeatures.Names.ToList().IndexOf(feature);
        var features = Enumerable.Repeat(0.3, GroundingFeatures.Names.Count).ToArray();

        var probabilities = new[] { 0.0, 0.25, 0.5, 0.75, 1.0 }.Select(value =>
        {
            features[index] = value;
            return model.Probability(features, "社保怎么转");
        }).ToList();

        for (var i = 1; i < probabilities.Count; i++)
            Assert.True(direction * (probabilities[i] - probabilities[i - 1]) >= 0,
                $"{feature}: {string.Join(", ", probabilities)} is not monotone in direction {direction}");
    }

    [Fact]
    public void Probability_ShippedModel_RisesWithTheDomainScore()
    {
        var model = RefusalModel.Load(ShippedPath);
        var features = Enumerable.Repeat(0.3, GroundingFeatures.Names.Count).ToArray();
        const string inScope = "骑手的社保能转到别的城市吗", outOfScope = "护照过期了去哪补办";

        Assert.True(model.DomainWeight > 0);
        Assert.True(model.Domain.Of(inScope) > model.Domain.Of(outOfScope));
        Assert.True(model.Probability(features, inScope) > model.Probability(features, outOfScope));
    }

    [Fact]
    public void Probability_WrongNumberOfFeatures_Throws()
        => Assert.Throws<ArgumentException>(() => Flat(0.5).Probability(new double[3], "社保怎么转"));

    /// <summary>Features of a clause whose text covers 0.8 of the question, where some cited clause states the kind of figure asked.</summary>
    private static double[] CoveringFeatures()
    {
        var features = new double[GroundingFeatures.Names.Count];
        features[GroundingFeatures.Names.ToList().IndexOf("text_coverage")] = 0.8;
        return features;
    }

    [Fact]
    public void ClauseStatesIt_LeadClauseNamesNoSumAsked_IsFalseThoughAnotherCitedClauseStatesOne()
        => Assert.False(RefusalModel.ClauseStatesIt(CoveringFeatures(), "快递丢件了快递员要赔多少", "加强快递员权益保障，规范快递丢件处理。"));

    [Theory]
    [InlineData("快递丢件了快递员要赔多少", "快递丢件的，按照保价金额赔偿，最高不超过 2000 元。")]
    [InlineData("快递丢件了快递员要赔吗", "加强快递员权益保障，规范快递丢件处理。")]
    public void ClauseStatesIt_LeadClauseStatesWhatIsAsked_IsTrue(string question, string clause)
        => Assert.True(RefusalModel.ClauseStatesIt(CoveringFeatures(), question, clause));

    [Theory]
    [InlineData("Which floor is the registration window on?", "Book an appointment and bring your passport to the counter.")]
    [InlineData("How much is the fee?", "The service is free of charge.")]
    [InlineData("驿站是哪个单位出钱盖的", "各地建设新就业群体服务站点，提供休息、饮水、充电服务。")]
    [InlineData("你能查到我社保交了几年吗", "参保人员可以查询本人缴费记录。")]
    [InlineData("仲裁委员会在哪个区几楼", "劳动争议仲裁委员会由劳动行政部门代表、工会代表和企业方面代表组成。")]
    public void AsksWhatClauseDoesNotState_ReadsAsTheFeaturesDoForOneClause(string question, string clause)
    {
        var features = GroundingFeatures.Of(question, [], clause, clause, 0, 0, viaGuide: false, new DecisionSignals(true, true, null, null, 0, 0));

        Assert.Equal(RefusalModel.AsksWhatNoCitedClauseStates(features), RefusalModel.AsksWhatClauseDoesNotState(question, clause));
    }

    [Theory]
    [InlineData("Can I withdraw my housing fund to pay rent?", 1, 0.8)]
    [InlineData("租房能提取公积金吗", 0, 0)]
    public void Features_EnglishQuestion_CarriesItsNeighbourSimilarityApart(string question, double english, double englishNeighbour)
    {
        var features = GroundingFeatures.Of(question, [], "clause", "clause", 0, 0, viaGuide: false,
            new DecisionSignals(true, true, null, null, 0, 0, NeighbourSimilarity: 0.8));
        double Feature(string name) => features[GroundingFeatures.Names.ToList().IndexOf(name)];

        Assert.Equal(0.8, Feature("neighbour_similarity"));
        Assert.Equal(english, Feature("english"));
        Assert.Equal(englishNeighbour, Feature("english_neighbour_similarity"));
    }

    /// <summary>Features of a clause a taught question of its own matches at <paramref name="match"/>, with <paramref name="set"/> also set to 1.</summary>
    private static double[] TaughtFeatures(double match, params string[] set)
    {
        var features = new double[GroundingFeatures.Names.Count];
        void Set(string name, double value) => features[GroundingFeatures.Names.ToList().IndexOf(name)] = value;
        Set("text_coverage", 0.67);
        Set("coverage", match);
        Set("question_match", match);
        Set("taught_match", match - 0.67);
        foreach (var name in set) Set(name, 1);
        return features;
    }

    [Theory]
    [InlineData(0.84)]
    [InlineData(RefusalModel.TaughtMatchAnswers)]
    public void TaughtAlmostVerbatim_ClauseTaughtTheQuestion_Answers(double match)
        => Assert.True(RefusalModel.TaughtAlmostVerbatim(TaughtFeatures(match)));

    [Fact]
    public void TaughtAlmostVerbatim_MatchBelowTheBar_LeavesItToTheModel()
        => Assert.False(RefusalModel.TaughtAlmostVerbatim(TaughtFeatures(0.76)));

    [Theory]
    [InlineData("figure_kind_unstated")]
    [InlineData("aspect_unstated")]
    [InlineData("named_unstated")]
    [InlineData("asks_judgement")]
    [InlineData("figure_unstated")]
    public void TaughtAlmostVerbatim_QuestionAsksWhatTheClauseDoesNotState_LeavesItToTheModel(string unstated)
        => Assert.False(RefusalModel.TaughtAlmostVerbatim(TaughtFeatures(0.9, unstated)));

    [Fact]
    public void TaughtAlmostVerbatim_TheMatchIsAnotherClausesQuestion_LeavesItToTheModel()
    {
        var features = TaughtFeatures(0.9);
        features[GroundingFeatures.Names.ToList().IndexOf("taught_match")] = 0;

        Assert.False(RefusalModel.TaughtAlmostVerbatim(features));
    }
}
