using AdminPortal.Domain.Common;

namespace AdminPortal.Web.Api;

/// <summary>JSON bodies, with a clear error for a missing or malformed one.</summary>
internal static class ApiBody
{
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
            var where = ex.Path is { Length: > 2 } path ? $" at {path[2..]}" : string.Empty;
            return Refused($"The request body is not the expected JSON{where}", example);
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
