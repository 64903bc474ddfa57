using AdminPortal.Application.Webhooks;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdminPortal.Web.Api;

/// <summary><c>/accounts/{account_id}/webhooks</c> and <c>/webhooks</c>: an account's owners manage where its events are posted.</summary>
internal static class WebhooksEndpoints
{
    public static void MapWebhooks(this RouteGroupBuilder api)
    {
        var types = string.Join(", ", WebhookEventTypes.All);
        api.MapGet("/accounts/{account_id}/webhooks", ListAsync).WithName("ListWebhooks").WithTags("Webhooks")
            .WithSummary("The account's webhook endpoints").ProducesEnvelope(404);
        api.MapPost("/accounts/{account_id}/webhooks", AddAsync).WithName("AddWebhook").WithTags("Webhooks")
            .WithSummary($"Adds an HTTPS endpoint (owners) for some of {types} (none: all); the answer holds its signing secret, shown once")
            .WithJsonBody<WebhookBody>()
            .ProducesEnvelope(400, 404, 409);
        var webhooks = api.MapGroup("/webhooks").WithTags("Webhooks");
        webhooks.MapPost("/{id}/turn-off", (HttpContext http, ManageWebhooks useCase, string id) => ToggleAsync(http, useCase.TurnOffAsync, id))
            .WithName("TurnOffWebhook").WithSummary("Stops posting events to the endpoint (owners)").ProducesEnvelope(404);
        webhooks.MapPost("/{id}/turn-on", (HttpContext http, ManageWebhooks useCase, string id) => ToggleAsync(http, useCase.TurnOnAsync, id))
            .WithName("TurnOnWebhook").WithSummary("Posts events to the endpoint again (owners)").ProducesEnvelope(404);
        webhooks.MapDelete("/{id}", RemoveAsync).WithName("RemoveWebhook")
            .WithSummary("Removes the endpoint and its delivery log (owners)").ProducesEnvelope(404);
        webhooks.MapGet("/{id}/deliveries", DeliveriesAsync).WithName("ListWebhookDeliveries")
            .WithSummary("The endpoint's deliveries, newest first: status, tries, last answer and latency").ProducesEnvelope(400, 404);
        webhooks.MapPost("/{id}/deliveries/{delivery_id}/redeliver", RedeliverAsync).WithName("RedeliverWebhook")
            .WithSummary("Posts the same event (same id and body) again as a new delivery (owners)").ProducesEnvelope(400, 404, 409);
    }

    private static async Task<Results<Ok<WebhookListDto>, ApiProblem>> ListAsync(HttpContext http, ManageWebhooks useCase, string account_id) =>
        ApiResults.Ok(await useCase.ListAsync(http.Actor(), account_id, http.RequestAborted), hooks => new WebhookListDto([.. hooks.Select(WebhookDto.Of)]));

    private static async Task<Results<Created<AddedWebhookDto>, ApiProblem>> AddAsync(HttpContext http, ManageWebhooks useCase, string account_id)
    {
        var body = await ApiBody.ReadAsync<WebhookBody>(http, "{\"url\": \"https://platform.example/hooks/portal\", \"event_types\": [\"number.released\"]}");
        return body.IsSuccess
            ? ApiResults.Created(await useCase.AddAsync(http.Actor(), account_id, body.Value.Url, body.Value.EventTypes, http.RequestAborted), a => new AddedWebhookDto(WebhookDto.Of(a.Webhook), a.Secret))
            : ApiResults.Problem(body.Error);
    }

    private static async Task<Results<Ok<WebhookDto>, ApiProblem>> ToggleAsync(
        HttpContext http, Func<Domain.Common.Actor, string, CancellationToken, Task<Domain.Common.Result<WebhookView>>> change, string id) =>
        ApiResults.Ok(await change(http.Actor(), id, http.RequestAborted), WebhookDto.Of);

    private static async Task<Results<NoContent, ApiProblem>> RemoveAsync(HttpContext http, ManageWebhooks useCase, string id) =>
        ApiResults.NoContent(await useCase.RemoveAsync(http.Actor(), id, http.RequestAborted));

    private static async Task<Results<Ok<WebhookDeliveryListDto>, ApiProblem>> DeliveriesAsync(HttpContext http, ManageWebhooks useCase, string id, string? limit, string? cursor)
    {
        var paging = ApiQuery.Offset(limit, cursor);
        if (!paging.IsSuccess)
        {
            return ApiResults.Problem(paging.Error);
        }

        var page = await useCase.DeliveriesAsync(http.Actor(), id, paging.Value, http.RequestAborted);
        return ApiResults.Ok(page, p => new WebhookDeliveryListDto([.. p.Items.Select(WebhookDeliveryDto.Of)], ApiQuery.NextOffset(paging.Value, p)));
    }

    private static async Task<Results<Ok<RedeliveryDto>, ApiProblem>> RedeliverAsync(HttpContext http, ManageWebhooks useCase, string id, string delivery_id)
    {
        if (!long.TryParse(delivery_id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return ApiResults.Problem(new Error(
                Errors.InvalidParameter,
                "delivery_id is not a delivery's id",
                "Use the id of a delivery listed by GET /api/v1/webhooks/{id}/deliveries: a whole number such as 42"));
        }

        return ApiResults.Ok(await useCase.RedeliverAsync(http.Actor(), id, number, http.RequestAborted), d => new RedeliveryDto(d));
    }
}
