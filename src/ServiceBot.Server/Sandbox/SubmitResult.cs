// Every sandbox submission route answers with one of these: a new ticket, the ticket a replayed
// Idempotency-Key created, invalid input, or a business-rule refusal.
global using SubmitResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Created<ServiceBot.Server.Sandbox.SandboxTicket>,
    Microsoft.AspNetCore.Http.HttpResults.Ok<ServiceBot.Server.Sandbox.SandboxTicket>,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem,
    Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>;
