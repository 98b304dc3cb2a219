using Microsoft.Extensions.Options;
using ServiceBot.Conversation;
using ServiceBot.Hosting;
using ServiceBot.Knowledge;

namespace ServiceBot.Server.Staff.Admin.Knowledge;

/// <summary><c>/api/admin/documents</c>: the indexed documents, uploads and replacements.</summary>
public static class DocumentsApi
{
    public static RouteGroupBuilder MapDocumentsApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/documents", ListAsync);
        return admin;
    }

    private static async Task<IResult> ListAsync(KnowledgeBaseProvider provider, IOptions<IndexOptions> index, ServiceTimeProvider clock,
        CancellationToken cancellationToken)
    {
        var knowledge = await provider.GetAsync(cancellationToken);
        return TypedResults.Ok(DocumentCatalog.List(knowledge, index.Value.FullPath, clock.LocalTimeZone));
    }
}
