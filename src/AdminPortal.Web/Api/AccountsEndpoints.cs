using AdminPortal.Application.Accounts;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdminPortal.Web.Api;

/// <summary><c>/accounts</c>: the accounts with their owners; administrators open accounts and manage their owners and policy.</summary>
internal static class AccountsEndpoints
{
    private const string AccountExample = "{\"name\": \"Acme Asia\", \"release_policy\": \"review_required\"}";

    public static void MapAccounts(this RouteGroupBuilder api)
    {
        var accounts = api.MapGroup("/accounts").WithTags("Administration");
        accounts.MapGet("/", ListAsync).WithName("ListAccounts")
            .WithSummary("The accounts the caller reaches with their owners and active numbers: every account for staff, an owner's own");
        accounts.MapPost("/", CreateAsync).WithName("CreateAccount")
            .WithSummary("Opens an account (administrators); owners are added afterwards")
            .WithJsonBody<AccountBody>()
            .ProducesEnvelope(400, 403);
        accounts.MapPost("/{account_id}/rename", RenameAsync).WithName("RenameAccount")
            .WithSummary($"Renames an account (administrators): {TextRule.AccountName.MinLength} to {TextRule.AccountName.MaxLength} characters")
            .WithJsonBody<NameBody>()
            .ProducesEnvelope(400, 403, 404);
        accounts.MapPost("/{account_id}/release-policy", SetPolicyAsync).WithName("SetReleasePolicy")
            .WithSummary("review_required: releases wait for a reviewer; self_service: an owner's release is approved at once (administrators)")
            .WithJsonBody<ReleasePolicyBody>()
            .ProducesEnvelope(400, 403, 404);
        accounts.MapPost("/{account_id}/owners", AddOwnerAsync).WithName("AddOwner")
            .WithSummary("Adds an Owner user (id or e-mail address) to the account (administrators)")
            .WithJsonBody<OwnerBody>()
            .ProducesEnvelope(400, 403, 404, 409);
        accounts.MapDelete("/{account_id}/owners/{user_id}", RemoveOwnerAsync).WithName("RemoveOwner")
            .WithSummary($"Removes an owner (administrators). The last owner of an account with active numbers needs confirm=true; the refusal names up to {RemoveOwner.NumbersNamed} numbers")
            .ProducesEnvelope(400, 403, 404, 409);
    }

    private static async Task<Ok<AccountListDto>> ListAsync(HttpContext http, ListAccountDetails useCase) =>
        TypedResults.Ok(new AccountListDto([.. (await useCase.HandleAsync(http.Actor(), http.RequestAborted)).Select(AccountDto.Of)]));

    private static async Task<Results<Created<AccountDto>, ApiProblem>> CreateAsync(HttpContext http, CreateAccount useCase)
    {
        var body = await ApiBody.ReadAsync<AccountBody>(http, AccountExample);
        return body.IsSuccess
            ? ApiResults.Created(await useCase.HandleAsync(http.Actor(), body.Value.Name, body.Value.ReleasePolicy ?? ReleasePolicy.ReviewRequired, http.RequestAborted), AccountDto.Of)
            : ApiResults.Problem(body.Error);
    }

    private static async Task<Results<Ok<AccountDto>, ApiProblem>> RenameAsync(HttpContext http, RenameAccount useCase, string account_id)
    {
        var body = await ApiBody.ReadAsync<NameBody>(http, "{\"name\": \"Acme Voice EU\"}");
        return body.IsSuccess ? ApiResults.Ok(await useCase.HandleAsync(http.Actor(), account_id, body.Value.Name, http.RequestAborted), AccountDto.Of) : ApiResults.Problem(body.Error);
    }

    private static async Task<Results<Ok<AccountDto>, ApiProblem>> SetPolicyAsync(HttpContext http, SetReleasePolicy useCase, string account_id)
    {
        var body = await ApiBody.ReadAsync<ReleasePolicyBody>(http, "{\"release_policy\": \"self_service\"}");
        if (!body.IsSuccess || body.Value.ReleasePolicy is not { } policy)
        {
            return ApiResults.Problem(body.Error ?? new Error(Errors.InvalidParameter, "release_policy is required", "Send review_required or self_service"));
        }

        return ApiResults.Ok(await useCase.HandleAsync(http.Actor(), account_id, policy, http.RequestAborted), AccountDto.Of);
    }

    private static async Task<Results<Ok<AccountDto>, ApiProblem>> AddOwnerAsync(HttpContext http, AddOwner useCase, string account_id)
    {
        var body = await ApiBody.ReadAsync<OwnerBody>(http, "{\"user\": \"owner2@example.com\"}");
        return body.IsSuccess ? ApiResults.Ok(await useCase.HandleAsync(http.Actor(), account_id, body.Value.User, http.RequestAborted), AccountDto.Of) : ApiResults.Problem(body.Error);
    }

    private static async Task<Results<Ok<AccountDto>, ApiProblem>> RemoveOwnerAsync(HttpContext http, RemoveOwner useCase, string account_id, string user_id, string? confirm)
    {
        if (confirm is not (null or "true" or "false"))
        {
            return ApiResults.Problem(new Error(Errors.InvalidParameter, "confirm must be true or false", "Send confirm=true to leave the account without an owner"));
        }

        return ApiResults.Ok(await useCase.HandleAsync(http.Actor(), account_id, user_id, confirm == "true", http.RequestAborted), AccountDto.Of);
    }
}
