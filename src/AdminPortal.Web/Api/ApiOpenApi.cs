using System.Globalization;
using System.Text.Json.Nodes;
using AdminPortal.Application.Common;
using AdminPortal.Domain.Common;
using AdminPortal.Infrastructure.Api;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AdminPortal.Web.Api;

/// <summary>The OpenAPI document at /openapi/v1.json: what the endpoints' metadata does not say by itself.</summary>
internal static class ApiOpenApi
{
    public static void AddPortalOpenApi(this IServiceCollection services)
    {
        // HEAD is GET without the body: documenting it again would double every read.
        services.Configure<OpenApiOptions>("v1", openApi =>
        {
            var include = openApi.ShouldInclude;
            openApi.ShouldInclude = description => include(description) && !HttpMethods.IsHead(description.HttpMethod ?? string.Empty);
        });
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "AdminPortal number release API",
                Version = "v1",
                Description = "Release phone numbers: preview, request, review, cancel during cooling-off. "
                    + "Authenticate with \"Authorization: Bearer nrp_…\" (API keys page). Errors use the envelope "
                    + "{ tracking_id, error: { code, message, fix } }. Every POST accepts an Idempotency-Key header.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key created on the portal's API keys page (nrp_…)",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, document)] = [],
            });
            return Task.CompletedTask;
        }).AddOperationTransformer(async (operation, context, ct) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<TextBodyDoc>().FirstOrDefault() is { } body)
            {
                operation.RequestBody = body.ToOpenApi();
            }
            else if (context.Description.ActionDescriptor.EndpointMetadata.OfType<JsonBodyDoc>().FirstOrDefault() is { } json)
            {
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = !json.Optional,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/json"] = new OpenApiMediaType { Schema = await context.GetOrCreateSchemaAsync(json.Type, null, ct) },
                    },
                };
            }

            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                if (parameter.Name == "limit")
                {
                    parameter.Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Integer,
                        Minimum = "1",
                        Maximum = Paging.MaxTake.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        Default = JsonValue.Create(Paging.DefaultTake),
                    };
                }
                else if (context.Description.ActionDescriptor.EndpointMetadata.OfType<QueryValuesDoc>().FirstOrDefault(q => q.Parameter == parameter.Name) is { } values)
                {
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. values.Values.Select(v => (JsonNode)JsonValue.Create(v))] };
                }
            }

            if (string.Equals(context.Description.HttpMethod, HttpMethods.Post, StringComparison.OrdinalIgnoreCase))
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = IdempotencyMiddleware.Header,
                    In = ParameterLocation.Header,
                    Required = false,
                    Description = "Any unique value of up to 255 characters. A retry with the same key and request (the same call on the same item with the "
                        + "same JSON, however ordered or spaced; a number with or without its +) gets the first answer (Idempotent-Replayed: true) without acting again, for 24 hours; the same key with another request is 422 IDEMPOTENCY_KEY_REUSED.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyRecord.KeyMaxLength },
                });
            }

        }));
    }

    public static RouteHandlerBuilder ProducesEnvelope(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder.Produces<ErrorEnvelope>(status);
        }

        return builder;
    }

    public static RouteGroupBuilder ProducesEnvelope(this RouteGroupBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ErrorEnvelope), ["application/json"]));
        }

        return builder;
    }

    /// <summary>Documents the values a text query parameter accepts, as the API spells them.</summary>
    public static RouteHandlerBuilder WithQueryValues<T>(this RouteHandlerBuilder builder, string parameter)
        where T : struct, Enum =>
        builder.WithMetadata(new QueryValuesDoc(parameter, [.. Enum.GetNames<T>().Select(ApiQuery.Snake)]));

    /// <summary>
    /// Documents a JSON body of one text property. Not <c>Accepts</c>: that makes routing skip the endpoint for a request
    /// without a JSON content type, which then reads as "no such endpoint" instead of the body's own clear error.
    /// </summary>
    public static RouteHandlerBuilder WithTextBody(this RouteHandlerBuilder builder, TextRule rule, string description, string example) =>
        builder.WithMetadata(new TextBodyDoc(rule, description, example));

    /// <summary>
    /// Documents a JSON body of type <typeparamref name="T"/>, read by the endpoint through <see cref="ApiBody"/>. Not
    /// <c>Accepts</c>, for the reason given at <see cref="WithTextBody"/>.
    /// </summary>
    public static RouteHandlerBuilder WithJsonBody<T>(this RouteHandlerBuilder builder, bool optional = false) =>
        builder.WithMetadata(new JsonBodyDoc(typeof(T), optional));

    /// <summary>The type of a JSON body, and whether it may be left out.</summary>
    private sealed record JsonBodyDoc(Type Type, bool Optional);

    /// <summary>The values a text query parameter accepts.</summary>
    private sealed record QueryValuesDoc(string Parameter, IReadOnlyList<string> Values);

    /// <summary>A body such as <c>{ "reason": "…" }</c>: one text, with the limits of its rule.</summary>
    private sealed record TextBodyDoc(TextRule Rule, string Description, string Example)
    {
        public OpenApiRequestBody ToOpenApi() => new()
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { Rule.What },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            [Rule.What] = new OpenApiSchema
                            {
                                Type = JsonSchemaType.String,
                                MinLength = Rule.MinLength,
                                MaxLength = Rule.MaxLength,
                                Description = $"{Description}; {Rule.MinLength} to {Rule.MaxLength} characters after trimming, "
                                    + $"at most {Rule.MaxStoredLength.ToString("N0", CultureInfo.InvariantCulture)} UTF-16 units, no control or formatting characters",
                            },
                        },
                    },
                    Example = new JsonObject { [Rule.What] = Example },
                },
            },
        };
    }
}
