using Microsoft.Net.Http.Headers;
using ServiceBot.Server.Http;

namespace ServiceBot.Server.Staff;

/// <summary>
/// Bearer-token sign-in for staff routes: a missing or unknown token gets 401 (with <c>WWW-Authenticate: Bearer</c>),
/// a role the route does not allow gets 403. The signed-in member is available through <see cref="Member"/>.
/// </summary>
public static class StaffAuthorization
{
    private static readonly object MemberKey = new();

    /// <summary>Only staff with one of <paramref name="roles"/> reach the endpoints.</summary>
    public static TBuilder RequireStaff<TBuilder>(this TBuilder builder, IReadOnlyList<string> roles) where TBuilder : IEndpointConventionBuilder
        => builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var directory = http.RequestServices.GetRequiredService<StaffDirectory>();
            var header = http.Request.Headers.Authorization.ToString();
            const string scheme = "Bearer ";
            if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || header.Length == scheme.Length)
                return Unauthorized(http, "请先登录：请求需要携带 Authorization: Bearer <令牌>。");
            if (directory.Authenticate(header[scheme.Length..].Trim()) is not { } member)
                return Unauthorized(http, "令牌无效，请重新登录。");
            if (!roles.Contains(member.Role))
                return ApiProblems.Create(StatusCodes.Status403Forbidden, "forbidden", "无权访问", $"当前账号的角色（{member.Role}）不能使用此功能。");
            http.Items[MemberKey] = member;
            return await next(context);
        });

    /// <summary>The member <see cref="RequireStaff"/> signed in for this request.</summary>
    public static StaffMember Member(this HttpContext context)
        => context.Items[MemberKey] as StaffMember ?? throw new InvalidOperationException("The endpoint is not behind RequireStaff.");

    private static IResult Unauthorized(HttpContext http, string detail)
    {
        http.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        return ApiProblems.Create(StatusCodes.Status401Unauthorized, "unauthorized", "未登录", detail);
    }
}
