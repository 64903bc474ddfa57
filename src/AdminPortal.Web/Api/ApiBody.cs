using AdminPortal.Domain.Common;

namespace AdminPortal.Web.Api;

/// <summary>JSON bodies, with a clear error for a missing or malformed one.</summary>
internal static class ApiBody
{
    /// <summary>Longer paths (a hostile body's field names) are not repeated in the answer.</summary>
    private const int MaxPathShown = 80;

    public static async Task<Result<T>> ReadAsync<T>(HttpContext http, string example)
        where T : class
    {
        if (http.Request.ContentLength == 0 || (http.Request.ContentLength is null && !http.Request.HasJsonContentType()))
        {
            return Refused("The request body is missing", example);
        }

        if (!http.Request.HasJsonContentType())
        {
            return Refused("The request body must be sent as application/json", example);
        }

        try
        {
            return await http.Request.ReadFromJsonAsync<T>(http.RequestAborted) is { } body ? body : Refused("The request body must be a JSON object", example);
        }
        catch (System.Text.Json.JsonException ex)
        {
            var field = ex.Path is { Length: > 2 and <= MaxPathShown } path ? path[2..] : null;
            return Refused(
                (field, ex.Message.Contains("could not be mapped", StringComparison.Ordinal)) switch
                {
                    ({ } name, true) => $"The request body has a field this call does not take: {name}",
                    (_, true) => "The request body has a field this call does not take",
                    ({ } name, false) => $"The request body is not the expected JSON at {name}",
                    _ => "The request body is not the expected JSON",
                },
                example);
        }
        catch (InvalidOperationException)
        {
            return Refused("The request body is not in a character set the API reads; send UTF-8", example);
        }
        catch (BadHttpRequestException)
        {
            return Refused("The request body could not be read in full", example);
        }
    }

    private static Error Refused(string problem, string example) => new(
        Errors.InvalidParameter, problem, $"Send Content-Type: application/json with a body such as {example}");
}
