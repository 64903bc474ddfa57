using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AdminPortal.Api.Tests.Observability;

public sealed class CircuitRetentionTests
{
    [Fact]
    public async Task Circuits_of_tabs_that_went_away_are_kept_as_configured_and_three_minutes_up_to_100_by_default()
    {
        await using var configured = await ApiHost.StartAsync(new()
        {
            ["Circuits:DisconnectedCircuitRetentionPeriod"] = "00:00:45",
            ["Circuits:DisconnectedCircuitMaxRetained"] = "12",
        });
        await using var standard = await ApiHost.StartAsync([]);

        var options = configured.Factory.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;
        var defaults = standard.Factory.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;

        Assert.Equal((TimeSpan.FromSeconds(45), 12), (options.DisconnectedCircuitRetentionPeriod, options.DisconnectedCircuitMaxRetained));
        Assert.Equal((TimeSpan.FromMinutes(3), 100), (defaults.DisconnectedCircuitRetentionPeriod, defaults.DisconnectedCircuitMaxRetained));
    }
}
