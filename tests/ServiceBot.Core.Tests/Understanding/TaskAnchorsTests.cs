using ServiceBot.Text;
using ServiceBot.Understanding.Intents;

namespace ServiceBot.Core.Tests.Understanding;

public class TaskAnchorsTests(IntentClassifierFixture fixture) : IClassFixture<IntentClassifierFixture>
{
    [Fact]
    public void EveryExampleOfAnAnchoredTask_NamesOneOfItsAnchors()
    {
        var anchors = TaskAnchors.LoadDefault();
        var examples = IntentExampleSet.Load(IntentClassifierFixture.IntentsFolder, IntentExampleSet.TrainingExtension).All
            .Concat(IntentExampleSet.Load(IntentClassifierFixture.IntentsFolder, IntentExampleSet.HeldOutExtension).All)
            .ToList();
        Assert.NotEmpty(anchors.Tasks);
        Assert.All(anchors.Tasks, task => Assert.Contains(examples, e => e.Intent == task));

        var unanchored = examples.Where(e => !anchors.Allows(e.Intent, e.Text)).Select(e => $"{e.Intent}: {e.Text}").ToList();

        Assert.True(unanchored.Count == 0, "examples that name none of their task's anchors:\n" + string.Join('\n', unanchored));
    }

    [Fact]
    public void Allows_TaskWithoutAnchors_AndAnchorsInAnyCase()
    {
        var anchors = TaskAnchors.Parse("station_finder: 驿站, rest station");

        Assert.True(anchors.Allows("hotline_appeal", "小区路灯坏了"));
        Assert.True(anchors.Allows("station_finder", "Is there a REST STATION nearby?"));
        Assert.False(anchors.Allows("station_finder", "劳动仲裁院在哪"));
    }

    [Theory]
    [InlineData("工资拖了半年了", true)]
    [InlineData("my boss hasn't paid my salary", true)]
    [InlineData("主管跟我说下个月开始调我去上夜班 工资给涨三百", false)]
    [InlineData("老公赌博欠了十几万", false)]
    public void Allows_TaskOnTwoLines_NeedsAnAnchorOfEach(string text, bool allowed)
    {
        var anchors = TaskAnchors.Parse("wage_complaint: 工资, salary\nwage_complaint: 拖, 欠, hasn't paid");

        Assert.Equal(allowed, anchors.Allows("wage_complaint", text));
    }

    [Fact]
    public void Allows_ShippedWageAnchors_StoryOfWagesWithoutAComplaint_IsNotAComplaint()
    {
        var anchors = TaskAnchors.LoadDefault();

        Assert.False(anchors.Allows("wage_complaint", "主管跟我说下个月开始调我去上夜班 工资给涨三百"));
        Assert.True(anchors.Allows("wage_complaint", "公司拖欠工资三个月了"));
    }

    [Theory]
    [InlineData("那公积金最高能交到百分之几 我想让单位跟我都多交点", false)]
    [InlineData("那你把我们这儿公积金中心的投诉电话给我一个", false)]
    [InlineData("我想把公积金取出来交房租", true)]
    [InlineData("辞职了公积金咋弄", true)]
    [InlineData("I want to withdraw my housing fund", true)]
    public void Allows_ShippedFundAnchors_NeedTheFundAndTakingMoneyOut(string text, bool allowed)
        => Assert.Equal(allowed, TaskAnchors.LoadDefault().Allows("fund_withdrawal", text));

    [Theory]
    [InlineData("我老公去年查出来肝癌 今年春天人走了 他在厂里交了十二年社保", false)]
    [InlineData("在苏州交的社保想转到合肥", true)]
    [InlineData("俺回老家了 社保咋弄", true)]
    [InlineData("I moved to Hangzhou last month, what happens to my pension?", true)]
    [InlineData("my company pays my social insurance every month", false)]
    public void Allows_ShippedTransferAnchors_NeedTheInsuranceAndAMove(string text, bool allowed)
        => Assert.Equal(allowed, TaskAnchors.LoadDefault().Allows("insurance_transfer", text));

    [Fact]
    public void Apply_MoveToldOnlyInTheMessage_KeepsTheTopicButOpensNothing()
    {
        var anchors = TaskAnchors.Parse("insurance_transfer: 社保, 医保\ninsurance_transfer: 转, 回老家");
        const string question = "医保这段时间的医药费还能报吗";
        const string message = "准备把社保关系转过来。医保这段时间的医药费还能报吗";
        var asked = new IntentPrediction(IntentNames.TaskQuestion, 0.6, [(IntentNames.TaskQuestion, 0.6), ("insurance_transfer", 0.3)], "insurance_transfer");
        var opening = new IntentPrediction("insurance_transfer", 0.7, [("insurance_transfer", 0.7), (IntentNames.PolicyQuestion, 0.2)], null);

        Assert.Equal("insurance_transfer", anchors.Apply(asked, question, message).Topic);
        Assert.Null(anchors.Apply(asked, question).Topic);
        Assert.NotEqual("insurance_transfer", anchors.Apply(opening, question, message).Intent);
        Assert.Equal("insurance_transfer", anchors.Apply(opening, message).Intent);
    }

    [Theory]
    [InlineData("where can I rest", true)]
    [InlineData("Resting riders", true)]
    [InlineData("rests", true)]
    [InlineData("a good restaurant nearby", false)]
    [InlineData("interest rates", false)]
    [InlineData("我想rest一下", true)]
    public void Allows_EnglishAnchor_AsAWholeWordWithItsEndings(string text, bool allowed)
        => Assert.Equal(allowed, TaskAnchors.Parse("station_finder: rest").Allows("station_finder", text));

    [Theory]
    [InlineData("北京朝阳区的劳动仲裁院在哪", "station_finder")]
    [InlineData("深圳龙岗区劳动仲裁委的地址在哪条街", "station_finder")]
    [InlineData("where is the nearest pharmacy in Yiwu", "station_finder")]
    [InlineData("find a laundry near Yiwu market", "station_finder")]
    [InlineData("老公赌博欠了十几万 我要不要一起还", "wage_complaint")]
    [InlineData("邻居欠我五千块钱不还 我想告他", "wage_complaint")]
    [InlineData("帮我查一下义乌到杭州的高铁票", "ticket_status")]
    [InlineData("帮我写条朋友圈，就说公积金终于提出来了", "fund_withdrawal")]
    [InlineData("我们是做服装加工的，厂里三十来个工人，必须专门请个安全员吗？能不能找个人兼着干", "human_agent")]
    [InlineData("在你这儿说一下就能直接登记吗", "greeting")]
    public void Apply_RequestShapeWithoutTheTasksSubject_IsNotThatTask(string text, string task)
    {
        var classified = fixture.Classifier.Classify(text);
        Assert.Equal(task, classified.Intent); // the router alone is fooled by the request's shape

        var prediction = TaskAnchors.LoadDefault().Apply(classified, text);

        Assert.NotEqual(task, prediction.Intent);
        Assert.NotEqual(task, prediction.Topic);
        Assert.Equal(0, prediction.Ranked.Single(r => r.Intent == task).Score);
        Assert.Equal(prediction.Confidence, prediction.Ranked[0].Score);
        Assert.True(prediction.Ranked.Zip(prediction.Ranked.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        Assert.True(prediction.Confidence < classified.Confidence);
    }

    [Theory]
    [InlineData("邯郸的骑手驿站在哪", "station_finder")]
    [InlineData("Where can I rest in Handan?", "station_finder")]
    [InlineData("包工头欠了我一万多", "wage_complaint")]
    [InlineData("干完活不给钱", "wage_complaint")]
    [InlineData("租房能提公积金吗", "task_question")]
    [InlineData("帮我把公积金取出来", "fund_withdrawal")]
    [InlineData("叫个人来", "human_agent")]
    [InlineData("get me a human", "human_agent")]
    [InlineData("在吗", "greeting")]
    [InlineData("hi there", "greeting")]
    public void Apply_MessageNamingTheTasksSubject_KeepsThePrediction(string text, string intent)
    {
        var classified = fixture.Classifier.Classify(text);

        var prediction = TaskAnchors.LoadDefault().Apply(classified, text);

        Assert.Equal(intent, prediction.Intent);
        Assert.Equal(classified.Confidence, prediction.Confidence);
        Assert.Equal(classified.Topic, prediction.Topic);
    }

    [Fact]
    public void Apply_TaskQuestionAboutATaskItDoesNotName_HasNoTopic()
    {
        var anchors = TaskAnchors.Parse("fund_withdrawal: 公积金");
        var classified = new IntentPrediction(IntentNames.TaskQuestion, 0.6,
            [(IntentNames.TaskQuestion, 0.6), (IntentNames.FundWithdrawal, 0.3), (IntentNames.PolicyQuestion, 0.1)], IntentNames.FundWithdrawal);

        var prediction = anchors.Apply(classified, "余额宝里的钱咋取出来");

        Assert.Equal(IntentNames.TaskQuestion, prediction.Intent);
        Assert.Null(prediction.Topic);
        Assert.Equal([IntentNames.TaskQuestion, IntentNames.PolicyQuestion, IntentNames.FundWithdrawal], prediction.Ranked.Select(r => r.Intent));
    }
}
