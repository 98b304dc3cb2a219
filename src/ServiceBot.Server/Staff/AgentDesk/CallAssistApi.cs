using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ServiceBot.Assist;
using ServiceBot.Conversation;
using ServiceBot.Server.Http;
using ServiceBot.Tasks;

namespace ServiceBot.Server.Staff.AgentDesk;

/// <summary>
/// <c>POST /api/agent/assist</c> (CONTRACT §6): a hotline call's recognised lines in, the pre-filled 工单, a summary and
/// cited suggestions out. Slot values leave the server masked like the chat API's.
/// </summary>
public static class CallAssistApi
{
    public const int MaxUtterances = 500;
    private static readonly string[] SpeakerNames = ["caller", "agent"];

    public static RouteGroupBuilder MapCallAssistApi(this RouteGroupBuilder agent)
    {
        agent.MapPost("/assist", AssistAsync);
        return agent;
    }

    private static async Task<IResult> AssistAsync(HttpRequest request, [FromServices] ICallAssistant? assistant, TaskCatalog catalog, TimeProvider clock,
        IOptions<ConversationOptions> options, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<CallAssistBody>(request, cancellationToken);
        if (problem is not null) return problem;
        var errors = Validate(body!, options.Value.MaxTextLength, out var at);
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        if (assistant is null)
            return ApiProblems.Create(StatusCodes.Status503ServiceUnavailable, "assist_unavailable", "通话辅助未启用", "通话辅助功能尚未启用，请联系管理员。");

        var when = at ?? clock.GetUtcNow();
        var lines = body!.Utterances!.Select(u => new TranscriptLine(u!.Speaker == "caller" ? Speakers.User : Speakers.Agent, u.Text!, when)).ToList();
        var result = await assistant.AssistAsync(new CallAssistRequest(body.CallId!.Trim(), at, lines), cancellationToken);
        var task = result.Task is { } t
            ? new CallAssistTask(t.Name, SlotFormatter.Masked(catalog.Find(t.Name), t.Slots), t.Missing)
            : null;
        return TypedResults.Ok(new CallAssistResponse(task, result.Summary, result.Suggestions));
    }

    private static Dictionary<string, string[]> Validate(CallAssistBody body, int maxTextLength, out DateTimeOffset? at)
    {
        var errors = new Dictionary<string, string[]>();
        at = null;
        if (string.IsNullOrWhiteSpace(body.CallId)) errors["callId"] = ["callId 不能为空。"];
        else if (body.CallId.Length > ConversationEngine.MaxIdLength) errors["callId"] = [$"callId 不能超过 {ConversationEngine.MaxIdLength} 个字符。"];
        if (body.At is { } text)
        {
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) at = parsed;
            else errors["at"] = ["at 必须是 ISO 8601 时间，例如 2026-11-28T10:00:00+08:00。"];
        }
        if (body.Utterances is not { Count: > 0 } utterances)
        {
            errors["utterances"] = ["utterances 不能为空。"];
            return errors;
        }
        if (utterances.Count > MaxUtterances) errors["utterances"] = [$"utterances 最多 {MaxUtterances} 条。"];
        for (var i = 0; i < utterances.Count && errors.Count < 10; i++)
        {
            var utterance = utterances[i];
            if (utterance is null || !SpeakerNames.Contains(utterance.Speaker))
                errors[$"utterances[{i}].speaker"] = ["speaker 必须是 caller 或 agent。"];
            if (string.IsNullOrWhiteSpace(utterance?.Text)) errors[$"utterances[{i}].text"] = ["text 不能为空。"];
            else if (utterance.Text.Length > maxTextLength) errors[$"utterances[{i}].text"] = [$"text 不能超过 {maxTextLength} 个字符。"];
        }
        return errors;
    }
}
