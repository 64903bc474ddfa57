using AdminPortal.Application.Users;
using AdminPortal.Domain.Common;
using AdminPortal.Web.Admin;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AdminPortal.Web.Api;

/// <summary><c>/users</c>: administrators invite people and change what they may do.</summary>
internal static class UsersEndpoints
{
    public static void MapUsers(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Administration");
        users.MapGet("/", ListAsync).WithName("ListUsers")
            .WithSummary("Users, by e-mail address; filters: role, account_id, status, q (address or name)")
            .ProducesEnvelope(400, 403)
            .WithQueryValues<UserStatus>("status");
        users.MapPost("/", InviteAsync).WithName("InviteUser")
            .WithSummary("Invites a user with a role (owners may get accounts); the invitation link, valid 72 hours, goes by e-mail or to the outbox")
            .WithJsonBody<InviteBody>()
            .ProducesEnvelope(400, 403, 404, 409, 502);
        users.MapPost("/{id}/role", ChangeRoleAsync).WithName("ChangeUserRole")
            .WithSummary("Gives the user another role; the last active administrator stays one")
            .WithJsonBody<RoleBody>()
            .ProducesEnvelope(400, 403, 404, 409);
        Change(users, "disable", "DisableUser", "Turns the user off: no sign-in, no API key; open sessions end", (DisableUser u) => u.HandleAsync);
        Change(users, "enable", "EnableUser", "Turns a disabled user on again", (EnableUser u) => u.HandleAsync);
        Change(users, "unlock", "UnlockUser", "Ends a lockout after wrong codes at the second step of sign-in", (UnlockUser u) => u.HandleAsync);
        Change(users, "reset-second-factor", "ResetSecondFactor", "Forgets the user's authenticator, recovery codes and passkeys", (ResetSecondFactor u) => u.HandleAsync);
        users.MapPost("/{id}/resend-invitation", ResendAsync).WithName("ResendInvitation")
            .WithSummary("Sends a new invitation link to a user who has not accepted yet; earlier links stop working")
            .ProducesEnvelope(403, 404, 409, 502);
    }

    private static void Change<TUseCase>(RouteGroupBuilder users, string verb, string name, string summary, Func<TUseCase, Func<Actor, string, CancellationToken, Task<Result<UserView>>>> handler)
        where TUseCase : notnull =>
        users.MapPost($"/{{id}}/{verb}", async Task<Results<Ok<UserDto>, ApiProblem>> (HttpContext http, [FromServices] TUseCase useCase, string id) =>
                ApiResults.Ok(await handler(useCase)(http.Actor(), id, http.RequestAborted), UserDto.Of))
            .WithName(name).WithSummary(summary).ProducesEnvelope(403, 404, 409);

    private static async Task<Results<Ok<UserListDto>, ApiProblem>> ListAsync(
        HttpContext http, ListUsers useCase, string? role, [FromQuery(Name = "account_id")] string? accountId, string? status, string? q, string? limit, string? cursor)
    {
        var parsedStatus = ApiQuery.Enum<UserStatus>("status", status);
        var paging = ApiQuery.Offset(limit, cursor);
        if ((parsedStatus.Error ?? paging.Error) is { } invalid)
        {
            return ApiResults.Problem(invalid);
        }

        if (q is { Length: > UserFilter.SearchMaxLength })
        {
            return ApiResults.Problem(new Error(Errors.InvalidParameter, $"q has at most {UserFilter.SearchMaxLength} characters", "Search with part of an address or a name"));
        }

        var page = await useCase.HandleAsync(http.Actor(), new UserFilter(role, accountId, parsedStatus.Value, q), paging.Value, http.RequestAborted);
        return ApiResults.Ok(page, p => new UserListDto([.. p.Items.Select(UserDto.Of)], ApiQuery.NextOffset(paging.Value, p)));
    }

    private static async Task<Results<Created<UserDto>, ApiProblem>> InviteAsync(HttpContext http, PortalInvitations invitations)
    {
        var body = await ApiBody.ReadAsync<InviteBody>(http, "{\"email\": \"new.owner@example.com\", \"role\": \"Owner\", \"account_ids\": [\"acc_123abc\"]}");
        if (!body.IsSuccess)
        {
            return ApiResults.Problem(body.Error);
        }

        var invited = await invitations.InviteAsync(http.Actor(), PortalBase(http), body.Value.Email, body.Value.DisplayName, body.Value.Role, body.Value.AccountIds, http.RequestAborted);
        return ApiResults.Created(invited, UserDto.Of);
    }

    private static async Task<Results<Ok<UserDto>, ApiProblem>> ChangeRoleAsync(HttpContext http, ChangeUserRole useCase, string id)
    {
        var body = await ApiBody.ReadAsync<RoleBody>(http, "{\"role\": \"Reviewer\"}");
        return body.IsSuccess ? ApiResults.Ok(await useCase.HandleAsync(http.Actor(), id, body.Value.Role, http.RequestAborted), UserDto.Of) : ApiResults.Problem(body.Error);
    }

    private static async Task<Results<Ok<UserDto>, ApiProblem>> ResendAsync(HttpContext http, PortalInvitations invitations, string id) =>
        ApiResults.Ok(await invitations.ResendAsync(http.Actor(), PortalBase(http), id, http.RequestAborted), UserDto.Of);

    private static string PortalBase(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
}
