using System.Globalization;
using Microsoft.Extensions.Options;
using ServiceBot.Conversation;
using ServiceBot.Hosting;
using ServiceBot.Knowledge;
using ServiceBot.Knowledge.Import.Uploads;
using ServiceBot.Knowledge.Reading;
using ServiceBot.Server.Http;

namespace ServiceBot.Server.Staff.Admin.Knowledge;

/// <summary>
/// <c>/api/admin/documents</c> (the indexed documents; upload and replace) and <c>/api/admin/reindex</c> (start a
/// re-index, or join the running one; poll its progress).
/// </summary>
public static class DocumentsApi
{
    public static RouteGroupBuilder MapDocumentsApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/documents", ListAsync);
        admin.MapPost("/documents", UploadAsync);
        admin.MapGet("/reindex", (ReindexJob job) => TypedResults.Ok(job.Status));
        admin.MapPost("/reindex", StartReindex);
        return admin;
    }

    private static async Task<IResult> ListAsync(KnowledgeBaseProvider provider, IOptions<IndexOptions> index, ServiceTimeProvider clock,
        UploadedDocuments uploads, CancellationToken cancellationToken)
    {
        var knowledge = await provider.GetAsync(cancellationToken);
        return TypedResults.Ok(DocumentCatalog.List(knowledge, index.Value.FullPath, clock.LocalTimeZone)
            .Select(d => d with { Replaceable = d.Type != DocumentTypes.Qa && d.Id is { } id && uploads.Holds(id) }));
    }

    /// <summary>
    /// Multipart form: <c>file</c> (.md, .docx or .pdf), <c>type</c>, and optionally <c>title</c>, <c>effective</c>, <c>expires</c>
    /// (yyyy-MM-dd), <c>supersededBy</c>, <c>replaces</c> (the id of an uploaded document). 201 with the saved document; it is
    /// answered from after the next re-index.
    /// </summary>
    private static async Task<IResult> UploadAsync(HttpContext context, UploadedDocuments uploads, AdminAudit audit, IOptions<AdminOptions> options,
        CancellationToken cancellationToken)
    {
        if (!context.Request.HasFormContentType)
            return Invalid("请以 multipart/form-data 上传文件（字段 file）。");
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            return Invalid("表单无法解析，请重新上传。");
        }
        if (form.Files.GetFile("file") is not { } file) return Invalid("缺少文件（字段 file）。");
        var limit = options.Value.MaxUploadBytes;
        if (file.Length > limit)
            return ApiProblems.Create(StatusCodes.Status413PayloadTooLarge, "file_too_large", "文件过大", $"文件不能超过 {limit / 1024} KB。");

        if (!TryDate(form, "effective", out var effective, out var error) || !TryDate(form, "expires", out var expires, out error))
            return Invalid(error!);
        if (effective is { } from && expires is { } until && until <= from)
            return Invalid("失效日期必须晚于施行日期。");
        var metadata = new UploadMetadata(Field(form, "title"), Field(form, "type") ?? "policy", effective, expires, Field(form, "supersededBy"));

        byte[] content;
        using (var buffer = new MemoryStream((int)file.Length))
        {
            await file.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }
        ConvertedUpload upload;
        try
        {
            upload = UploadConverter.Convert(content, file.FileName, metadata);
        }
        catch (DocumentUploadException rejected)
        {
            return ApiProblems.Create(StatusCodes.Status400BadRequest, "invalid_document", "文件无法导入", rejected.Message);
        }

        SavedDocument saved;
        try
        {
            saved = uploads.Save(upload, Field(form, "replaces"));
        }
        catch (DocumentConflictException conflict)
        {
            return conflict.NotFound
                ? ApiProblems.Create(StatusCodes.Status404NotFound, "document_not_found", "文档不存在", conflict.Message)
                : ApiProblems.Create(StatusCodes.Status409Conflict, "document_exists", "文档已存在", conflict.Message);
        }

        var after = new { id = saved.Id, source = upload.Title, metadata.Type, effective = Iso(effective), expires = Iso(expires),
            supersededBy = metadata.SupersededBy, clauses = upload.Clauses, file = file.FileName, format = upload.Format.ToString().ToLowerInvariant() };
        await audit.RecordAsync(context.Member(), saved.Previous is null ? AdminAuditActions.DocumentUploaded : AdminAuditActions.DocumentReplaced,
            saved.Previous is null ? null : new { id = saved.Id, markdown = saved.Previous }, after, cancellationToken);
        return TypedResults.Created($"/api/admin/documents/{Uri.EscapeDataString(saved.Id)}", new UploadResult(saved.Id, upload.Title,
            upload.Format.ToString().ToLowerInvariant(), upload.Clauses, saved.Previous is not null, upload.Markdown));
    }

    private static IResult StartReindex(HttpContext context, ReindexJob job)
    {
        var (status, started) = job.Start(context.Member());
        // 202 either way: the caller polls GET /api/admin/reindex; a request while a run is under way joins it.
        context.Response.Headers.Location = "/api/admin/reindex";
        context.Response.Headers["X-Reindex-Joined"] = started ? "false" : "true";
        return TypedResults.Json(status, statusCode: StatusCodes.Status202Accepted);
    }

    private static string? Field(IFormCollection form, string name)
        => form.TryGetValue(name, out var value) && value.ToString().Trim() is { Length: > 0 } text ? text : null;

    private static bool TryDate(IFormCollection form, string name, out DateOnly? date, out string? error)
    {
        date = null;
        error = null;
        if (Field(form, name) is not { } text) return true;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }
        error = $"{(name == "effective" ? "施行日期" : "失效日期")}格式应为 yyyy-MM-dd。";
        return false;
    }

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IResult Invalid(string detail) => ApiProblems.Create(StatusCodes.Status400BadRequest, "invalid_request", "请求参数有误", detail);
}

/// <param name="Markdown">The converted Markdown as it was saved, so the admin can check the structure.</param>
public sealed record UploadResult(string Id, string Source, string Format, int Clauses, bool Replaced, string Markdown);
