using ServiceBot.Text;
using ServiceBot.Understanding.Intents;
using Xunit.Abstractions;

namespace ServiceBot.Core.Tests.Understanding;

/// <summary>One classifier for the class: training is deterministic, so sharing it loses nothing.</summary>
public sealed class IntentClassifierFixture
{
    public IntentClassifier Classifier { get; } = IntentClassifier.CreateDefault(new ChineseAnalyzer());

    public static string IntentsFolder => Path.Combine(Knowledge.KnowledgePaths.RepositoryRoot, "knowledge", "intents");
}

public class IntentClassifierTests(IntentClassifierFixture fixture, ITestOutputHelper output) : IClassFixture<IntentClassifierFixture>
{
    private IntentClassifier Classifier => fixture.Classifier;

    [Fact]
    public void Classify_HeldOutSplit_AccuracyAtLeast90Percent()
    {
        var heldOut = IntentExampleSet.Load(IntentClassifierFixture.IntentsFolder, IntentExampleSet.HeldOutExtension);
        var misses = new List<string>();
        var total = 0;
        foreach (var (intent, text) in heldOut.All)
        {
            total++;
            var predicted = Classifier.Classify(text).Intent;
            if (predicted != intent) misses.Add($"{text}: expected {intent}, got {predicted}");
        }
        var accuracy = (double)(total - misses.Count) / total;
        output.WriteLine($"held-out accuracy {accuracy:P1} ({total - misses.Count}/{total})");
        misses.ForEach(output.WriteLine);

        Assert.True(accuracy >= 0.9, $"accuracy {accuracy:P1}; misses:\n{string.Join('\n', misses)}");
    }

    [Fact]
    public void Train_HeldOutFiles_AreNotTrainingData()
    {
        var training = IntentExampleSet.LoadDefault().All.Select(e => e.Text).ToHashSet();
        var heldOut = IntentExampleSet.Load(IntentClassifierFixture.IntentsFolder, IntentExampleSet.HeldOutExtension).All;

        Assert.DoesNotContain(heldOut, e => training.Contains(e.Text));
    }

    [Fact]
    public void LoadDefault_EveryTaskIntent_HasAtLeast40Examples()
    {
        var examples = IntentExampleSet.LoadDefault().ExamplesByIntent;

        Assert.All(IntentNames.Tasks, task => Assert.True(examples[task].Count >= 40, $"{task}: {examples[task].Count}"));
    }

    [Theory]
    [InlineData("租房能提公积金吗", IntentNames.TaskQuestion)]
    // "How do I withdraw" invites the bot to start the task, so it routes to the task itself.
    [InlineData("公积金怎么取", IntentNames.FundWithdrawal)]
    [InlineData("我的办件到哪一步了", IntentNames.TicketStatus)]
    [InlineData("附近有没有骑手驿站", IntentNames.StationFinder)]
    [InlineData("老板拖欠我三个月工资", IntentNames.WageComplaint)]
    [InlineData("送外卖摔伤了怎么申报", IntentNames.InjuryReport)]
    [InlineData("把社保从邯郸转到杭州", IntentNames.InsuranceTransfer)]
    [InlineData("楼下饭店油烟太大了我要反映", IntentNames.HotlineAppeal)]
    [InlineData("转人工", IntentNames.HumanAgent)]
    [InlineData("谢谢你啊", IntentNames.Thanks)]
    [InlineData("你好", IntentNames.Greeting)]
    [InlineData("今天天气怎么样", IntentNames.OutOfScope)]
    [InlineData("平台企业要承担哪些责任", IntentNames.PolicyQuestion)]
    public void Classify_HardCase_ExpectedIntent(string text, string expected)
    {
        var prediction = Classifier.Classify(text);

        Assert.True(expected == prediction.Intent,
            $"{text}: expected {expected}, got {string.Join(", ", prediction.Ranked.Take(3).Select(r => $"{r.Intent} {r.Score:F2}"))}");
    }

    [Fact]
    public void Classify_EnglishHeldOutSplit_AccuracyAtLeast85Percent()
    {
        var english = IntentExampleSet.Load(IntentClassifierFixture.IntentsFolder, IntentExampleSet.HeldOutExtension).All
            .Where(e => !e.Text.Any(TextNormalizer.IsCjk))
            .ToList();
        var misses = english.Where(e => Classifier.Classify(e.Text).Intent != e.Intent).Select(e => $"{e.Text}: expected {e.Intent}").ToList();

        Assert.True(english.Count >= 30, $"only {english.Count} English held-out lines");
        Assert.True(misses.Count <= english.Count * 0.15, string.Join('\n', misses));
    }

    [Theory]
    [InlineData("I want to withdraw my housing fund", IntentNames.FundWithdrawal)]
    [InlineData("report a work injury", IntentNames.InjuryReport)]
    [InlineData("my boss hasn't paid me", IntentNames.WageComplaint)]
    [InlineData("transfer my social insurance to Hangzhou", IntentNames.InsuranceTransfer)]
    [InlineData("file a complaint with 12345", IntentNames.HotlineAppeal)]
    [InlineData("Where can I rest in Handan?", IntentNames.StationFinder)]
    [InlineData("check my ticket HF20261130", IntentNames.TicketStatus)]
    [InlineData("register a foreign-invested company", IntentNames.ForeignEnterpriseRegistration)]
    [InlineData("book an appointment for company registration", IntentNames.ForeignEnterpriseRegistration)]
    [InlineData("Hello!", IntentNames.Greeting)]
    [InlineData("Thanks!", IntentNames.Thanks)]
    [InlineData("I want to talk to a human", IntentNames.HumanAgent)]
    [InlineData("what is the weather like today", IntentNames.OutOfScope)]
    [InlineData("What rights do delivery riders have?", IntentNames.PolicyQuestion)]
    [InlineData("What documents do I need to withdraw my housing fund?", IntentNames.TaskQuestion)]
    public void Classify_EnglishMessage_ExpectedIntent(string text, string expected)
    {
        var prediction = Classifier.Classify(text);

        Assert.True(expected == prediction.Intent,
            $"{text}: expected {expected}, got {string.Join(", ", prediction.Ranked.Take(3).Select(r => $"{r.Intent} {r.Score:F2}"))}");
    }

    [Theory]
    [InlineData("租房能提公积金吗", IntentNames.FundWithdrawal)]
    [InlineData("工伤申报要什么材料", IntentNames.InjuryReport)]
    [InlineData("社保转移要多久", IntentNames.InsuranceTransfer)]
    public void Classify_TaskQuestion_NamesTheTaskAsTopic(string text, string topic)
    {
        var prediction = Classifier.Classify(text);

        Assert.Equal(IntentNames.TaskQuestion, prediction.Intent);
        Assert.Equal(topic, prediction.Topic);
    }

    [Fact]
    public void Classify_AnyText_RankedIsADistributionBestFirst()
    {
        var prediction = Classifier.Classify("我想提取公积金");

        Assert.Equal(Classifier.Intents.Count, prediction.Ranked.Count);
        Assert.Equal(1.0, prediction.Ranked.Sum(r => r.Score), 6);
        Assert.Equal(prediction.Confidence, prediction.Ranked[0].Score);
        Assert.True(prediction.Ranked.Zip(prediction.Ranked.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

}
