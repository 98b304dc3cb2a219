using ServiceBot.Assist;
using ServiceBot.Core.Tests.Conversation;
using static ServiceBot.Core.Tests.Assist.AssistTestSupport;

namespace ServiceBot.Core.Tests.Assist;

public sealed class TranscriptTaskRecognizerTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private readonly TranscriptTaskReader _reader = Reader(fixture);

    private string? TaskOf(params string[] callerLines)
        => _reader.Read(callerLines.Select(Caller).ToList(), CallTime).Task?.Name;

    [Fact]
    public void Recognize_MonthInAComplaintWithoutWages_IsNotAWageComplaint()
    {
        Assert.Equal("hotline_appeal", TaskOf("喂 都十二月了 我们楼的暖气片还是凉的 根本不热"));
    }

    [Fact]
    public void Recognize_ProblemStatedWithNoOtherTask_IsAHotlineAppeal()
    {
        Assert.Equal("hotline_appeal", TaskOf("那个出租车司机拒载 还绕路", "一三九零零一二三四五六"));
    }

    [Fact]
    public void Recognize_NoProblemAndNoTask_IsNone()
    {
        Assert.Null(TaskOf("喂 你好", "我就问问"));
    }
}
