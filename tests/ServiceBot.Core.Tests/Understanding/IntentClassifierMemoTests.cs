using ServiceBot.Text;
using ServiceBot.Understanding.Intents;

namespace ServiceBot.Core.Tests.Understanding;

/// <summary>
/// A classifier remembers its recent predictions. Both classifiers here are trained inside the test and the test runs
/// alone: other tests' knowledge fixtures grow jieba's shared dictionary, which changes how examples are segmented, and
/// so the probabilities of a classifier trained before such a change.
/// </summary>
[Collection(SegmenterSensitiveCollection.Name)]
public class IntentClassifierMemoTests
{
    [Fact]
    public void Classify_SameMessageTwice_SharesOnePredictionEqualToAnotherClassifiers()
    {
        var classifier = IntentClassifier.CreateDefault(new ChineseAnalyzer());
        var other = IntentClassifier.Train(IntentExampleSet.LoadDefault(), new ChineseAnalyzer());

        var first = classifier.Classify("公积金提取需要什么材料");
        var second = classifier.Classify("公积金提取需要什么材料");
        var fresh = other.Classify("公积金提取需要什么材料");

        Assert.Same(first, second);
        Assert.Equal(fresh.Intent, first.Intent);
        Assert.Equal(fresh.Confidence, first.Confidence, 12);
        Assert.Equal(fresh.Ranked, first.Ranked);
        Assert.NotEqual(first.Intent, classifier.Classify("你好").Intent);
    }
}
