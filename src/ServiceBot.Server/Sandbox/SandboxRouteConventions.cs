namespace ServiceBot.Server.Sandbox;

public static class SandboxRouteConventions
{
    /// <summary>
    /// Documents a submission route: its JSON body (read by hand, so the framework cannot infer it) and the
    /// refusals it answers with besides validation errors.
    /// </summary>
    public static RouteHandlerBuilder AcceptsSubmission<TRequest>(this RouteHandlerBuilder route) where TRequest : notnull => route
        .Accepts<TRequest>("application/json")
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
