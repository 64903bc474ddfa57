namespace AdminPortal.Testing;

public static class TestCancellation
{
    /// <summary>The running test's token: a test stopped by the runner stops its database work and calls too.</summary>
    public static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;
}
