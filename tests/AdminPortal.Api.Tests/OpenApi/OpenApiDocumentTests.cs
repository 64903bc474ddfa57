using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Api.Tests.OpenApi;

/// <summary>/openapi/v1.json describes every endpoint a client can call, its bodies and its errors.</summary>
public sealed class OpenApiDocumentTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static readonly string[] Routes =
    [
        "get /api/v1/accounts/{account_id}/numbers",
        "get /api/v1/accounts/{account_id}/numbers/{e164}",
        "get /api/v1/accounts/{account_id}/numbers/{e164}/release-preview",
        "delete /api/v1/accounts/{account_id}/numbers/{e164}/agents/{agent_id}",
        "post /api/v1/accounts/{account_id}/numbers/{e164}/request-release",
        "post /api/v1/release-requests/{id}/withdraw",
        "get /api/v1/release-requests",
        "get /api/v1/release-requests/{id}",
        "post /api/v1/release-requests/{id}/approve",
        "post /api/v1/release-requests/{id}/reject",
        "post /api/v1/accounts/{account_id}/numbers/{e164}/cancel-release",
        "get /api/v1/accounts/{account_id}/numbers/released",
        "get /api/v1/audit-events",
        "get /api/v1/audit-events/verify",
        "get /api/v1/users",
        "post /api/v1/users",
        "post /api/v1/users/{id}/role",
        "post /api/v1/users/{id}/disable",
        "post /api/v1/users/{id}/enable",
        "post /api/v1/users/{id}/unlock",
        "post /api/v1/users/{id}/reset-second-factor",
        "post /api/v1/users/{id}/resend-invitation",
        "get /api/v1/accounts",
        "post /api/v1/accounts",
        "post /api/v1/accounts/{account_id}/rename",
        "post /api/v1/accounts/{account_id}/release-policy",
        "post /api/v1/accounts/{account_id}/owners",
        "delete /api/v1/accounts/{account_id}/owners/{user_id}",
        "get /api/v1/accounts/{account_id}/webhooks",
        "post /api/v1/accounts/{account_id}/webhooks",
        "post /api/v1/webhooks/{id}/turn-off",
        "post /api/v1/webhooks/{id}/turn-on",
        "delete /api/v1/webhooks/{id}",
        "get /api/v1/webhooks/{id}/deliveries",
        "post /api/v1/webhooks/{id}/deliveries/{delivery_id}/redeliver",
        "post /api/v1/accounts/{account_id}/release-requests/bulk",
        "post /api/v1/release-requests/batches/{batch_id}/approve",
        "post /api/v1/release-requests/batches/{batch_id}/reject",
        "post /api/v1/release-requests/batches/{batch_id}/cancel",
    ];

    [Fact]
    public async Task The_document_lists_every_route_of_the_API_and_nothing_else()
    {
        var document = await DocumentAsync();

        Assert.Equal(Routes.Order(), Operations(document).Select(o => o.Route).Order());
    }

    [Fact]
    public async Task Every_mapped_API_endpoint_is_in_the_document_HEAD_aside()
    {
        var document = await DocumentAsync();
        var mapped = host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true && !e.RoutePattern.RawText.Contains("{*", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetRequiredMetadata<HttpMethodMetadata>().HttpMethods.Where(m => m != "HEAD").Select(m => $"{m.ToLowerInvariant()} {e.RoutePattern.RawText!.TrimEnd('/')}"));

        Assert.Equal(mapped.Order(), Operations(document).Select(o => o.Route).Order());
    }

    [Fact]
    public async Task Every_operation_names_its_errors_with_the_envelope_and_its_bodies_with_their_limits()
    {
        var document = await DocumentAsync();

        foreach (var (route, operation) in Operations(document))
        {
            var responses = operation.GetProperty("responses");
            Assert.True(responses.TryGetProperty("401", out var unauthenticated), $"{route} documents 401");
            Assert.Contains("ErrorEnvelope", unauthenticated.GetRawText());
            Assert.True(responses.EnumerateObject().Any(r => r.Name.StartsWith('2')), $"{route} documents its success");
        }

        var reason = Operations(document).Single(o => o.Route.EndsWith("request-release", StringComparison.Ordinal)).Operation
            .GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("properties").GetProperty("reason");
        Assert.Equal((10, 500), (reason.GetProperty("minLength").GetInt32(), reason.GetProperty("maxLength").GetInt32()));
        var bodies = Operations(document).ToDictionary(o => o.Route, o => o.Operation.TryGetProperty("requestBody", out var body) ? body : default);
        Assert.Equal(
            ["name", "release_policy"],
            [.. Properties(bodies["post /api/v1/accounts"]).Order()]);
        Assert.Equal(["note", "release_request_ids"], [.. Properties(bodies["post /api/v1/release-requests/batches/{batch_id}/reject"]).Order()]);
        Assert.False(bodies["post /api/v1/release-requests/batches/{batch_id}/approve"].TryGetProperty("required", out var required) && required.GetBoolean());
        Assert.True(bodies["post /api/v1/accounts/{account_id}/webhooks"].GetProperty("required").GetBoolean());
        // Answers may gain fields: only request bodies refuse unknown ones.
        Assert.All(document.GetProperty("components").GetProperty("schemas").EnumerateObject(), schema =>
            Assert.False(schema.Value.TryGetProperty("additionalProperties", out var more) && more.ValueKind == JsonValueKind.False, $"{schema.Name} is closed to new fields"));
        Assert.All(Operations(document).Where(o => o.Route.StartsWith("post ", StringComparison.Ordinal)), o =>
            Assert.Contains(o.Operation.GetProperty("parameters").EnumerateArray(), p => p.String("name") == "Idempotency-Key" && p.String("in") == "header"));
        var listNumbers = Operations(document).Single(o => o.Route == "get /api/v1/accounts/{account_id}/numbers").Operation.GetProperty("parameters").EnumerateArray().ToList();
        Assert.Equal("integer", listNumbers.Single(p => p.String("name") == "limit").GetProperty("schema").String("type"));
        Assert.Contains("release_pending", listNumbers.Single(p => p.String("name") == "status").GetProperty("schema").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").String("scheme"));
    }

    private static IEnumerable<string> Properties(JsonElement body) =>
        body.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("properties").EnumerateObject().Select(p => p.Name);

    private async Task<JsonElement> DocumentAsync()
    {
        using var response = await host.Client().GetAsync("/openapi/v1.json", Ct);
        return await response.JsonAsync();
    }

    private static IEnumerable<(string Route, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path =>
            path.Value.EnumerateObject().Select(operation => ($"{operation.Name} {path.Name}", operation.Value)));
}
