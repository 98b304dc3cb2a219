using System.Globalization;
using System.Text;
using System.Text.Json;
using ServiceBot.Assist;
using ServiceBot.Conversation;
using ServiceBot.Handoff;
using ServiceBot.Server.Http;

namespace ServiceBot.Server.Staff.Admin.Insight;

/// <summary>
/// <c>GET /api/admin/audit?from&amp;to&amp;format=json|csv</c>: every admin and agent action of a period, read-only. There is
/// deliberately no route that edits or deletes an entry. Personal numbers in the texts are masked on the way out.
/// </summary>
public static class AuditExportApi
{
    public const int MaxDays = 366;

    /// <summary>One exported entry. <paramref name="Trail"/> is the conversation id, or <c>admin</c> for console actions.</summary>
    /// <param name="Before">For console actions, the state before the action (JSON); null otherwise.</param>
    public sealed record AuditRecord(string Trail, DateTimeOffset At, string Actor, string Action, string? Detail,
        JsonElement? Before, JsonElement? After, IReadOnlyList<string> Cited);

    public static RouteGroupBuilder MapAuditExportApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/audit", GetAsync);
        return admin;
    }

    private static async Task<IResult> GetAsync(string? from, string? to, string? format, IAuditLog log, ServiceTimeProvider clock,
        CancellationToken cancellationToken)
    {
        var csv = format?.Trim().ToLowerInvariant() switch
        {
            null or "" or "json" => false,
            "csv" => true,
            _ => (bool?)null,
        };
        if (csv is null)
            return ApiProblems.Invalid(new Dictionary<string, string[]> { ["format"] = ["format 只能是 json 或 csv。"] });
        var (period, problem) = AdminPeriod.Parse(from, to, clock, MaxDays);
        if (problem is not null) return problem;

        var (start, end) = period!.Value.Instants(clock.LocalTimeZone);
        var records = (await log.ListBetweenAsync(start, end, cancellationToken)).Select(RecordOf).ToList();
        if (csv == false) return TypedResults.Ok(records);
        var name = $"audit-{period.Value.From:yyyyMMdd}-{period.Value.To:yyyyMMdd}.csv";
        // A byte order mark so spreadsheet programs read the Chinese text as UTF-8.
        return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Csv(records, clock.LocalTimeZone))).ToArray(),
            "text/csv; charset=utf-8", name);
    }

    private static AuditRecord RecordOf(AuditEntry entry)
    {
        var detail = entry.Detail is null ? null : PersonalData.Mask(entry.Detail);
        JsonElement? before = null, after = null;
        // Console actions keep {"before":…,"after":…} as their detail; agent actions keep plain text.
        if (detail is { Length: > 0 } && detail[0] == '{')
        {
            try
            {
                using var json = JsonDocument.Parse(detail);
                if (json.RootElement.TryGetProperty("before", out var b)) before = b.Clone();
                if (json.RootElement.TryGetProperty("after", out var a)) after = a.Clone();
            }
            catch (JsonException)
            {
                // Not JSON after all: exported as the plain text it is.
            }
        }
        return new AuditRecord(entry.ConversationId, entry.At, entry.Actor, entry.Action, detail, before, after, entry.Cited);
    }

    private static string Csv(IReadOnlyList<AuditRecord> records, TimeZoneInfo zone)
    {
        var text = new StringBuilder("时间,操作人,操作,对象,详情,变更前,变更后,引用\r\n");
        foreach (var r in records)
        {
            var local = TimeZoneInfo.ConvertTime(r.At, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            text.AppendJoin(',', new[]
            {
                local, r.Actor, r.Action, r.Trail, r.Detail ?? "", r.Before?.GetRawText() ?? "", r.After?.GetRawText() ?? "", string.Join("；", r.Cited),
            }.Select(Cell)).Append("\r\n");
        }
        return text.ToString();
    }

    /// <summary>Quoted when needed; a leading =, +, - or @ is defused so a spreadsheet never runs a cell as a formula.</summary>
    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
