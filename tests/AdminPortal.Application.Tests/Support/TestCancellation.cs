namespace AdminPortal.Application.Tests.Support;

public static class TestCancellation
{
    /// <summary>The running test's token: a test stopped by the runner stops its database work too.</summary>
    public static CancellationToken Ct => TestContext.Current.CancellationToken;
}
