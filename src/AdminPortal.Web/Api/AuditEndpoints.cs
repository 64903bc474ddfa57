using AdminPortal.Application.Common;
using AdminPortal.Application.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AdminPortal.Web.Api;

/// <summary><c>/audit-events</c>: the append-only audit trail.</summary>
internal static class AuditEndpoints
{
    public static void MapAudit(this RouteGroupBuilder api)
    {
        api.MapGet("/audit-events", ListAsync).WithName("ListAuditEvents")
            .WithSummary("The audit trail, newest first: everything for staff, the caller's accounts for owners")
            .ProducesEnvelope(400, 404);
        api.MapGet("/audit-events/verify", VerifyAsync).WithName("VerifyAuditTrail")
            .WithSummary("Staff check the audit trail's hash chain; a broken chain names the first event that no longer matches")
            .ProducesEnvelope(403);
    }

    private static async Task<Results<Ok<AuditVerificationDto>, ApiProblem>> VerifyAsync(HttpContext http, VerifyAuditTrail useCase) =>
        ApiResults.Ok(await useCase.HandleAsync(http.Actor(), http.RequestAborted), AuditVerificationDto.Of);

    private static async Task<Results<Ok<AuditEventListDto>, ApiProblem>> ListAsync(
        HttpContext http, QueryAudit useCase, [FromQuery(Name = "account_id")] string? accountId, string? e164, string? limit, string? cursor)
    {
        var take = ApiQuery.Limit(limit);
        if (!take.IsSuccess)
        {
            return ApiResults.Problem(take.Error);
        }

        var paging = new Paging(Take: take.Value, Cursor: string.IsNullOrEmpty(cursor) ? null : cursor, WithTotal: false);
        var page = await useCase.HandleAsync(http.Actor(), new AuditFilter(AccountId: string.IsNullOrEmpty(accountId) ? null : accountId, E164: string.IsNullOrEmpty(e164) ? null : e164), paging, http.RequestAborted);
        return ApiResults.Ok(page, p => new AuditEventListDto([.. p.Items.Select(AuditEventDto.Of)], p.NextCursor));
    }
}
