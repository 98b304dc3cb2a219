using Microsoft.OpenApi;

namespace ServiceBot.Server.Sandbox;

public static class SandboxRouteConventions
{
    /// <summary>
    /// Documents a route whose JSON body is read by hand, plus the refusals a submission answers with.
    /// The body goes into the OpenAPI operation directly rather than through <c>Accepts&lt;T&gt;</c>: that metadata
    /// makes routing answer a wrong content type with a bare 415 before the handler can explain the problem.
    /// </summary>
    public static RouteHandlerBuilder AcceptsJsonBody<TRequest>(this RouteHandlerBuilder route) =>
        route.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(TRequest), null, cancellationToken);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
            };
        });

    public static RouteHandlerBuilder AcceptsSubmission<TRequest>(this RouteHandlerBuilder route) => route
        .AcceptsJsonBody<TRequest>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
