using Microsoft.Extensions.Options;
using ServiceBot.Answers;
using ServiceBot.Backend;
using ServiceBot.Conversation;
using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Core.Tests.Understanding;
using ServiceBot.Hosting;
using ServiceBot.Ingestion;
using ServiceBot.Knowledge;
using ServiceBot.Places;
using ServiceBot.Storage;
using ServiceBot.Tasks;
using ServiceBot.Text;
using ServiceBot.Understanding;
using ServiceBot.Understanding.Intents;

namespace ServiceBot.Core.Tests.Conversation;

/// <summary>
/// The trained classifier and a small real knowledge base, built once for all engine tests: both are
/// deterministic and read-only.
/// </summary>
public sealed class EngineFixture : IDisposable
{
    private readonly TempFolder _knowledge = new();
    private readonly TempFolder _index = new();

    public EngineFixture()
    {
        Intents = IntentClassifier.CreateDefault(new ChineseAnalyzer());
        _knowledge.Write("policies/fund.md", Policy("住房公积金提取管理办法",
            "(一)职工连续足额缴存住房公积金满3个月，本人及配偶在缴存城市无自有住房且租赁住房的，可以申请提取住房公积金支付房租。" +
            "租房提取需要提供身份证和本人银行卡。\n\n" +
            "(二)职工与单位解除劳动关系，住房公积金账户封存满6个月的，可以申请离职提取。"));
        _knowledge.Write("policies/injury.md", Policy("新就业形态人员职业伤害保障办法",
            "(一)平台企业应当为新就业形态就业人员缴纳职业伤害保障费，骑手在配送途中受到事故伤害的，可以申报职业伤害确认。"));
        new IngestionPipeline(Options.Create(new KnowledgeOptions { Paths = [_knowledge.Path] }), Options.Create(new IndexOptions { Path = _index.Path }))
            .RunAsync().GetAwaiter().GetResult();
        KnowledgeBase = KnowledgeBase.Load(_index.Path);
    }

    public IntentClassifier Intents { get; }

    public KnowledgeBase KnowledgeBase { get; }

    public void Dispose()
    {
        _knowledge.Dispose();
        _index.Dispose();
    }

    private static string Policy(string title, string body)
        => $"---\ntitle: {title}\ndate: 2025-01-01\ntype: policy\n---\n\n# {title}\n\n## 一、提取条件\n\n{body}\n";
}

/// <summary>An engine over an in-memory store, a fake backend and the fixture's knowledge, with a stopped clock.</summary>
internal sealed class EngineHarness
{
    public const string UserId = "u1";
    public const string Channel = "test";

    private int _tickets;

    /// <param name="answerer">The knowledge seam; the fixture's extractive answers when null.</param>
    /// <param name="interpreter">A model's second opinion on messages; none (the offline engine alone) when null.</param>
    /// <param name="store">Where the engine keeps state; <see cref="Store"/> (in memory) when null.</param>
    /// <param name="turnLock">How the engine serialises a user's turns; in process when null.</param>
    public EngineHarness(EngineFixture fixture, Func<BackendInvocation, object?>? backend = null, ConversationOptions? options = null,
        IKnowledgeAnswerer? answerer = null, IUtteranceInterpreter? interpreter = null, IConversationStore? store = null, ITurnLock? turnLock = null,
        AssistantOptions? assistant = null)
    {
        Clock = FixedTimeProvider.At("2026-11-28 10:00");
        Backend = new FakeTaskBackend(backend ?? Accept);
        var composer = new ExtractiveAnswerComposer();
        answerer ??= new DelegateKnowledgeAnswerer(q => composer.Compose(fixture.KnowledgeBase, q));
        var understanding = ConversationUnderstanding.Create(fixture.Intents, Clock);
        var opts = Options.Create(options ?? new ConversationOptions());
        Forms = new FormEngine(TaskCatalog.Default, understanding, Backend, answerer, Clock, opts, interpreter);
        Places = PlaceGazetteer.Parse(PlacesText, understanding.Slots.Lexicons.Cities);
        Engine = new ConversationEngine(store ?? Store, Forms, understanding, answerer, Clock, opts, interpreter, turnLock: turnLock,
            places: Places, assistant: Options.Create(assistant ?? new AssistantOptions()));
    }

    /// <summary>Two door plates of the test's own: one in Kunshan with a nearest station, one in Handan without.</summary>
    public const string PlacesText = """
        KS-KF-0009 | 测试广场 | 昆山市 | 开发区 | 昆山市开发区测试路1号 | 测试驿站
        HD-CT-0009 | 测试大厅 | 邯郸市 | 丛台区 | 邯郸市丛台区测试街2号 |
        """;

    public PlaceGazetteer Places { get; }

    public FixedTimeProvider Clock { get; }
    public FakeTaskBackend Backend { get; }
    public InMemoryConversationStore Store { get; } = new();
    public FormEngine Forms { get; }
    public ConversationEngine Engine { get; }

    public Task<Reply> Say(string text, string? messageId = null, string? conversationId = null, string? place = null)
        => Engine.HandleAsync(new IncomingMessage(UserId, Channel, conversationId, messageId, text) { Place = place }, CancellationToken.None);

    /// <summary>The user scans a door plate without saying anything.</summary>
    public Task<Reply> Arrive(string place, string? messageId = null)
        => Engine.HandleAsync(new IncomingMessage(UserId, Channel, null, messageId, "") { Place = place, Arrival = true }, CancellationToken.None);

    /// <summary>Says each line in turn and returns the last reply.</summary>
    public async Task<Reply> SayAll(params string[] lines)
    {
        Reply? last = null;
        foreach (var line in lines) last = await Say(line);
        return last!;
    }

    /// <summary>The default backend: every submission accepted with a numbered ticket, look-ups found.</summary>
    public object? Accept(BackendInvocation call) => call.Function switch
    {
        "FindStations" => LookupResult<IReadOnlyList<ServiceStation>>.Success(
            [new ServiceStation("丛台区新就业群体驿站", "邯郸市", "丛台区", "丛台路88号", "08:00-20:00", ["休息", "饮水", "充电"])]),
        "GetTicket" => LookupResult<TicketInfo>.Success(new TicketInfo(
            (string)call.Arguments["ticket"]!, "fund_withdrawal", "办理中",
            new Dictionary<string, string> { ["id_number"] = "130402199003074510", ["reason"] = "rent", ["amount"] = "3000" },
            DateTimeOffset.Parse("2026-11-20T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture))),
        _ => new SubmissionResult(true, $"T-2026-{++_tickets:D6}", null, "申请已受理"),
    };
}
