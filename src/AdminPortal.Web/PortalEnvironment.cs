namespace AdminPortal.Web;

/// <summary>
/// Which environment the portal runs in when nobody said: Development under <c>dotnet run</c> (the README's first
/// command, with its demo), Production otherwise. An environment set by ASPNETCORE_ENVIRONMENT, DOTNET_ENVIRONMENT or
/// --environment always wins; a launch profile that set one would override the person's own (issue of
/// <c>ASPNETCORE_ENVIRONMENT=Production dotnet run</c> starting the demo).
/// </summary>
public static class PortalEnvironment
{
    /// <summary>The argument that prepares the database and stops.</summary>
    public const string MigrateOnly = "--migrate-only";

    public static string? Default(string[] args)
    {
        var explicitlySet = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is { Length: > 0 }
            || Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is { Length: > 0 }
            || args.Any(a => a.StartsWith("--environment", StringComparison.OrdinalIgnoreCase));
        var underDotnetRun = Environment.GetEnvironmentVariable("DOTNET_LAUNCH_PROFILE") is { Length: > 0 };
        return !explicitlySet && underDotnetRun ? Environments.Development : null;
    }
}
