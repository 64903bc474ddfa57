using System.Data.Common;
using System.Runtime.CompilerServices;
using AdminPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Application.Tests.Support;

/// <summary>
/// Puts a competing change exactly between two reads of a use case: the step runs, and commits, just before the
/// use case first reads from the named table. Deterministic where a plain race only sometimes hits the gap.
/// </summary>
internal sealed class Interleaving : DbCommandInterceptor
{
    private static readonly AsyncLocal<StrongBox<(string Table, Func<Task> Step)?>> Planned = new();

    public static Task<TestDatabase> CreateDatabaseAsync() =>
        TestDatabase.CreateAsync(configure: TestDatabase.Intercepted(new Interleaving()));

    /// <summary>Runs <paramref name="call"/>, and <paramref name="step"/> once, just before the call first reads <paramref name="table"/>.</summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> call, string table, Func<Task> step)
    {
        var plan = new StrongBox<(string, Func<Task>)?>((table, step));
        Planned.Value = plan;
        try
        {
            var result = await call();
            Assert.True(plan.Value is null, $"The call never read {table}, so the step never ran");
            return result;
        }
        finally
        {
            Planned.Value = null!;
        }
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (Planned.Value is { Value: var (table, step) } plan
            && command.CommandText.StartsWith("SELECT", StringComparison.Ordinal)
            && command.CommandText.Contains($"FROM \"{table}\"", StringComparison.Ordinal))
        {
            plan.Value = null;
            await step();
        }

        return result;
    }
}
