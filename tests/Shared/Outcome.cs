using AdminPortal.Domain.Common;

namespace AdminPortal.Tests.Shared;

/// <summary>Assertions on service results, shared by the test projects.</summary>
internal static class Outcome
{
    public static void Succeeded(this Result result) =>
        Assert.True(result.IsSuccess, result.Error is { } e ? $"{e.Code}: {e.Message}" : null);

    public static T Succeeded<T>(this Result<T> result)
    {
        Assert.True(result.IsSuccess, result.Error is { } e ? $"{e.Code}: {e.Message}" : null);
        return result.Value;
    }

    /// <summary>The result failed with <paramref name="code"/> and tells people what happened and what to do.</summary>
    public static Error Failed(this Result result, string code)
    {
        Assert.False(result.IsSuccess, $"Expected {code} but the result succeeded");
        Assert.Equal(code, result.Error.Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Fix));
        return result.Error;
    }
}
