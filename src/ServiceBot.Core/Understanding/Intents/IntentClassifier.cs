using ServiceBot.Text;

namespace ServiceBot.Understanding.Intents;

/// <summary>
/// Routes a message to an intent with three small models trained at start from the example files:
/// <list type="bullet">
/// <item>a router over every intent;</item>
/// <item>a question cue (能不能, 吗, 需要什么材料 …) learned from task_question against the task examples,
/// which decides whether a task-like message asks <i>about</i> the task or asks to <i>do</i> it;</item>
/// <item>a topic model over the tasks, which names the task either way.</item>
/// </list>
/// The router's mass on the task family (tasks plus task_question) is split by the cue, and the "do it"
/// share by the topic model. "怎么取公积金" is an invitation to start, so the examples file it under the task.
/// </summary>
public sealed class IntentClassifier
{
    private readonly TextFeaturizer _features;
    private readonly SoftmaxRegression _router;
    private readonly SoftmaxRegression _questionCue;
    private readonly SoftmaxRegression _topic;
    private readonly string[] _intents;
    private readonly string[] _tasks;
    private readonly int _taskQuestion;

    // A turn classifies the same message more than once (routing, then the open form); the models never change.
    private readonly TextAnalysisMemo<IntentPrediction> _predictions = new(ChineseAnalyzer.MemoCapacity);
    private readonly Func<string, IntentPrediction> _predict;

    private IntentClassifier(TextFeaturizer features, SoftmaxRegression router, SoftmaxRegression questionCue, SoftmaxRegression topic,
        string[] intents, string[] tasks)
    {
        _features = features;
        _router = router;
        _questionCue = questionCue;
        _topic = topic;
        _intents = intents;
        _tasks = tasks;
        _taskQuestion = Array.IndexOf(intents, IntentNames.TaskQuestion);
        _predict = Predict;
    }

    public IReadOnlyList<string> Intents => _intents;

    /// <summary>Trains on the embedded examples (knowledge/intents/*.txt).</summary>
    public static IntentClassifier CreateDefault(ChineseAnalyzer? analyzer = null) => Train(IntentExampleSet.LoadDefault(), analyzer);

    /// <param name="analyzer">Adds jieba words to the character n-grams; null uses n-grams only.</param>
    public static IntentClassifier Train(IntentExampleSet examples, ChineseAnalyzer? analyzer = null)
    {
        var intents = examples.ExamplesByIntent.Keys.Order(StringComparer.Ordinal).ToArray();
        if (!intents.Contains(IntentNames.TaskQuestion))
            throw new ArgumentException($"the examples need a {IntentNames.TaskQuestion} intent", nameof(examples));
        var tasks = intents.Where(IntentNames.IsTask).ToArray();
        if (tasks.Length < 2) throw new ArgumentException("the examples need at least two task intents", nameof(examples));

        var all = examples.All.ToList();
        var (features, vectors) = TextFeaturizer.FitTransform(all.Select(e => e.Text).ToList(), analyzer);
        var labels = all.Select(e => Array.IndexOf(intents, e.Intent)).ToList();
        var router = SoftmaxRegression.Train(vectors, labels, intents.Length, features.Dimension);

        var taskFamily = Enumerable.Range(0, all.Count).Where(i => IntentNames.IsTask(all[i].Intent) || all[i].Intent == IntentNames.TaskQuestion).ToList();
        var questionCue = SoftmaxRegression.Train(
            taskFamily.Select(i => vectors[i]).ToList(),
            taskFamily.Select(i => all[i].Intent == IntentNames.TaskQuestion ? 1 : 0).ToList(), 2, features.Dimension);

        var taskOnly = Enumerable.Range(0, all.Count).Where(i => IntentNames.IsTask(all[i].Intent)).ToList();
        var topic = SoftmaxRegression.Train(
            taskOnly.Select(i => vectors[i]).ToList(),
            taskOnly.Select(i => Array.IndexOf(tasks, all[i].Intent)).ToList(), tasks.Length, features.Dimension);

        return new IntentClassifier(features, router, questionCue, topic, intents, tasks);
    }

    /// <remarks>The same text gives the same (shared, read-only) prediction.</remarks>
    public IntentPrediction Classify(string text) => _predictions.GetOrAdd(text ?? "", _predict);

    private IntentPrediction Predict(string text)
    {
        var x = _features.Transform(text);
        var scores = _router.Probabilities(x);
        var topic = _topic.Probabilities(x);
        var asksAbout = _questionCue.Probabilities(x)[1];

        var family = scores[_taskQuestion];
        foreach (var task in _tasks) family += scores[Array.IndexOf(_intents, task)];
        scores[_taskQuestion] = family * asksAbout;
        for (var t = 0; t < _tasks.Length; t++)
            scores[Array.IndexOf(_intents, _tasks[t])] = family * (1 - asksAbout) * topic[t];

        var ranked = Enumerable.Range(0, _intents.Length)
            .Select(i => (Intent: _intents[i], Score: scores[i]))
            .OrderByDescending(p => p.Score)
            .ToList();
        var best = ranked[0];
        var topTopic = _tasks[Array.IndexOf(topic, topic.Max())];
        var topicOfBest = best.Intent == IntentNames.TaskQuestion ? topTopic : IntentNames.IsTask(best.Intent) ? best.Intent : null;
        return new IntentPrediction(best.Intent, best.Score, ranked, topicOfBest);
    }
}
