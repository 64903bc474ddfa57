using AdminPortal.Domain.Common;
using AdminPortal.Web.Security;

namespace AdminPortal.Web.Api;

/// <summary>
/// <c>/api/v1</c>: the portal's use cases over HTTP, one file per resource. Each endpoint only translates: it calls the
/// same Application layer as the pages, so every rule, tenancy check and audit event is the same.
/// </summary>
public static class ApiEndpoints
{
    public static void MapPortalApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(ApiServices.Policy)
            .WithMetadata(new ApiRateLimitMiddleware.Counted())
            .WithTags("Releases")
            .ProducesEnvelope(401, 403, 429);
        // HTTP: what answers GET answers HEAD too; the server sends the headers and drops the body.
        ((IEndpointConventionBuilder)api).Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault() is { HttpMethods: [var only] } && HttpMethods.IsGet(only))
            {
                endpoint.Metadata.Add(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
            }
        });
        api.MapNumbers();
        api.MapReleaseRequests();
        api.MapBatches();
        api.MapAudit();
        api.MapUsers();
        api.MapAccounts();
        api.MapWebhooks();
    }

    /// <summary>The HTTP methods of the API routes whose pattern matches the request's path.</summary>
    public static IReadOnlyList<string> MethodsFor(HttpContext http)
    {
        var parser = http.RequestServices.GetRequiredService<LinkParser>();
        return [.. http.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is { } name && parser.ParsePathByEndpointName(name.EndpointName, http.Request.Path) is not null)
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            .Distinct()];
    }

    internal static Actor Actor(this HttpContext http) => CurrentActor.From(http.User);
}
