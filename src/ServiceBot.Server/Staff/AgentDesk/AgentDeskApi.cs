using Microsoft.Extensions.Options;
using ServiceBot.Conversation;
using ServiceBot.Handoff;
using ServiceBot.Server.Http;
using ServiceBot.Tasks;

namespace ServiceBot.Server.Staff.AgentDesk;

/// <summary>
/// The agent desk's routes under <c>/api/agent</c> (CONTRACT §6), every one behind staff sign-in: <c>me</c> (who is signed
/// in) and the conversations — queue, transcript, suggestions, take-over, replies, draft check, filling in the user's
/// form, release, close, audit.
/// </summary>
public static class AgentDeskApi
{
    private const int MaxOutcomeLength = 200;

    public static RouteGroupBuilder MapAgentDeskApi(this RouteGroupBuilder agent)
    {
        agent.MapGet("/me", (HttpContext context) => TypedResults.Ok(context.Member()));
        var conversations = agent.MapGroup("/conversations");
        conversations.MapGet("/", ListAsync);
        conversations.MapGet("/{id}", DetailAsync);
        conversations.MapGet("/{id}/suggestions", SuggestionsAsync);
        conversations.MapPost("/{id}/takeover", TakeOverAsync);
        conversations.MapPost("/{id}/messages", SendAsync);
        conversations.MapPost("/{id}/draft-check", CheckDraftAsync);
        conversations.MapPost("/{id}/task", PrefillAsync);
        conversations.MapPost("/{id}/release", ReleaseAsync);
        conversations.MapPost("/{id}/close", CloseAsync);
        conversations.MapGet("/{id}/audit", AuditAsync).RequireStaff(StaffRoles.Supervisors);
        return agent;
    }

    /// <summary><c>?state=waiting,active</c> (the default), <c>closed</c> or <c>all</c>.</summary>
    private static async Task<IResult> ListAsync(string? state, AgentDesk desk, CancellationToken cancellationToken)
    {
        IReadOnlyCollection<string> states = string.IsNullOrWhiteSpace(state)
            ? [HandoffStates.Waiting, HandoffStates.Active]
            : state.Trim() == "all" ? HandoffStates.All : [.. state.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        if (states.FirstOrDefault(s => !HandoffStates.All.Contains(s)) is { } unknown)
            return Invalid("state", $"未知的状态：{unknown}。可选 waiting、active、closed 或 all。");
        return TypedResults.Ok(await desk.QueueAsync(states, cancellationToken));
    }

    private static async Task<IResult> DetailAsync(string id, long? after, AgentDesk desk, CancellationToken cancellationToken)
        => Respond(await desk.DetailAsync(id, Math.Max(after ?? 0, 0), cancellationToken));

    private static async Task<IResult> SuggestionsAsync(string id, AgentDesk desk, CancellationToken cancellationToken)
        => Respond(await desk.SuggestAsync(id, cancellationToken));

    private static async Task<IResult> TakeOverAsync(string id, HttpContext context, AgentDesk desk, CancellationToken cancellationToken)
        => Respond(await desk.TakeOverAsync(id, context.Member(), cancellationToken));

    private static async Task<IResult> SendAsync(string id, HttpContext context, AgentDesk desk, IOptions<ConversationOptions> options,
        CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<AgentMessageRequest>(context.Request, cancellationToken);
        if (problem is not null) return problem;
        if (TextProblem(body!.Text, options.Value.MaxTextLength) is { } invalid) return invalid;
        return Respond(await desk.SendAsync(id, context.Member(), body.Text!.Trim(), body.Citations ?? [], body.Override == true, cancellationToken));
    }

    private static async Task<IResult> CheckDraftAsync(string id, HttpContext context, AgentDesk desk, IOptions<ConversationOptions> options,
        CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<DraftCheckRequest>(context.Request, cancellationToken);
        if (problem is not null) return problem;
        if (TextProblem(body!.Text, options.Value.MaxTextLength) is { } invalid) return invalid;
        return TypedResults.Ok(new DraftCheckResponse(await desk.CheckDraftAsync(body.Text!.Trim(), body.Citations ?? [], cancellationToken)));
    }

    private const int MaxSlotValues = 20, MaxSlotValueLength = 500;

    private static async Task<IResult> PrefillAsync(string id, HttpContext context, AgentDesk desk, TaskCatalog catalog, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<PrefillRequest>(context.Request, cancellationToken);
        if (problem is not null) return problem;
        if (catalog.Find(body!.Name?.Trim()) is not { } definition)
            return Invalid("name", $"未知的事项：{body.Name}。可选：{string.Join("、", catalog.All.Select(t => t.Name))}。");
        var slots = body.Slots ?? new Dictionary<string, string?>();
        if (slots.Count > MaxSlotValues) return Invalid("slots", $"slots 最多 {MaxSlotValues} 项。");
        if (slots.FirstOrDefault(s => string.IsNullOrWhiteSpace(s.Value) || s.Value.Length > MaxSlotValueLength) is { Key: { } bad })
            return Invalid($"slots.{bad}", $"{bad} 的值不能为空，且不能超过 {MaxSlotValueLength} 个字符。");
        var values = slots.ToDictionary(s => s.Key, s => s.Value!.Trim(), StringComparer.Ordinal);
        return Respond(await desk.PrefillAsync(id, context.Member(), definition, values, cancellationToken));
    }

    private static async Task<IResult> ReleaseAsync(string id, HttpContext context, AgentDesk desk, CancellationToken cancellationToken)
        => Respond(await desk.ReleaseAsync(id, context.Member(), cancellationToken));

    private static async Task<IResult> CloseAsync(string id, HttpContext context, AgentDesk desk, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<CloseRequest>(context.Request, cancellationToken);
        if (problem is not null) return problem;
        var outcome = body!.Outcome?.Trim();
        if (string.IsNullOrEmpty(outcome)) return Invalid("outcome", "请填写处理结果（outcome）。");
        if (outcome.Length > MaxOutcomeLength) return Invalid("outcome", $"处理结果不能超过 {MaxOutcomeLength} 个字符。");
        return Respond(await desk.CloseAsync(id, context.Member(), outcome, cancellationToken));
    }

    private static async Task<IResult> AuditAsync(string id, AgentDesk desk, CancellationToken cancellationToken)
        => Respond(await desk.AuditAsync(id, cancellationToken));

    private static IResult? TextProblem(string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text)) return Invalid("text", "text 不能为空。");
        return text.Length > maxLength ? Invalid("text", $"消息过长：最多 {maxLength} 个字符。") : null;
    }

    private static IResult Invalid(string field, string message) => ApiProblems.Invalid(new Dictionary<string, string[]> { [field] = [message] });

    private static IResult Respond<T>(DeskOutcome<T> outcome)
        => outcome.Problem is { } p ? ApiProblems.Create(p.Status, p.Code, p.Title, p.Detail) : TypedResults.Ok(outcome.Value);
}
