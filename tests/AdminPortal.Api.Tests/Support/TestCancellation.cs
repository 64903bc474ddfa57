namespace AdminPortal.Api.Tests.Support;

public static class TestCancellation
{
    /// <summary>The running test's token: a test stopped by the runner stops its calls too.</summary>
    public static CancellationToken Ct => TestContext.Current.CancellationToken;
}
