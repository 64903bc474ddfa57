using System.Collections.Concurrent;
using System.Diagnostics;
using AdminPortal.Application.Releases;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using AdminPortal.Testing;
using Microsoft.EntityFrameworkCore;

/// <summary>
/// Reviewers deciding at once through the service layer (docs/performance.md): 20 reviewers each approving and rejecting
/// requests of their own, on a database holding 100,000 pending and decided requests; then 20 reviewers racing on one
/// request, 50 times. Runs on SQLite, or on PostgreSQL when PORTAL_TEST_POSTGRES names a server.
/// </summary>
internal static class DecisionsBenchmark
{
    private const int Accounts = 10;
    private const int Requests = 100_000;
    private const int Reviewers = 20;
    private const int DecisionsEach = 100;
    private const int Races = 50;
    private const int Batch = 5_000;

    public static async Task RunAsync()
    {
        await using var database = await TestDatabase.CreateAsync();
        var owners = new List<Actor>();
        for (var a = 0; a < Accounts; a++)
        {
            var owner = await database.Given().OwnerAsync($"owner{a}@bench.example");
            await database.Given().AccountAsync($"acc_dec{a}", owner);
            owners.Add(owner);
        }

        var reviewers = new List<Actor>();
        for (var r = 0; r < Reviewers; r++)
        {
            reviewers.Add(await database.Given().ReviewerAsync($"reviewer{r}@bench.example"));
        }

        var seeding = Stopwatch.StartNew();
        var pending = await SeedAsync(database, owners, reviewers[0]);
        Console.WriteLine($"Decisions on {TestDatabase.Provider}: {Requests:N0} requests in {Accounts} accounts ({pending.Count:N0} pending, the rest decided), seeded in {seeding.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine();

        // Each reviewer takes a slice of the pending requests of its own and alternates approve and reject.
        var latencies = new ConcurrentBag<double>();
        var errors = new ConcurrentDictionary<string, int>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Reviewers).Select(r => Task.Run(async () =>
        {
            for (var i = 0; i < DecisionsEach; i++)
            {
                var id = pending[(r * DecisionsEach) + i];
                var started = Stopwatch.GetTimestamp();
                var ok = i % 2 == 0
                    ? (await database.Get<ApproveRequest>().HandleAsync(reviewers[r], id)).IsSuccess ? null : "refused"
                    : (await database.Get<RejectRequest>().HandleAsync(reviewers[r], id, "Still printed on the customer's invoices.")).IsSuccess ? null : "refused";
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (ok is not null)
                {
                    errors.AddOrUpdate(ok, 1, (_, n) => n + 1);
                }
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        var all = latencies.ToList();

        // Twenty reviewers approve one request at the same moment: exactly one may win, with one audit event.
        var raceOutcomes = new List<int>();
        var raceLatencies = new ConcurrentBag<double>();
        for (var race = 0; race < Races; race++)
        {
            var id = pending[(Reviewers * DecisionsEach) + race];
            var results = await Task.WhenAll(reviewers.Select(reviewer => Task.Run(async () =>
            {
                var started = Stopwatch.GetTimestamp();
                var result = await database.Get<ApproveRequest>().HandleAsync(reviewer, id);
                raceLatencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return result;
            })));
            foreach (var code in results.Where(r => !r.IsSuccess).Select(r => r.Error!.Code).Where(c => c is not (Errors.ConcurrentUpdate or Errors.RequestAlreadyDecided)))
            {
                errors.AddOrUpdate(code, 1, (_, n) => n + 1);
            }

            await using var db = database.NewContext();
            raceOutcomes.Add(results.Count(r => r.IsSuccess) * 10 + await db.AuditEvents.CountAsync(e => e.ReleaseRequestId == id && e.Action == AuditAction.ReleaseApproved));
        }

        var races = raceLatencies.ToList();
        Console.WriteLine("| Workload | Decisions | Median ms | p95 ms | Decisions per second | Errors | Target p95 ≤ 25 ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|---|");
        Console.WriteLine($"| {Reviewers} reviewers, a request each at a time, approve and reject alternately | {all.Count:N0} | {Percentile(all, 0.5):F1} | {Percentile(all, 0.95):F1} | {all.Count / seconds:N0} | {Listed(errors)} | {(Percentile(all, 0.95) <= 25 ? "met" : "missed")} |");
        Console.WriteLine($"| {Reviewers} reviewers racing on one request, {Races} times | {races.Count:N0} calls | {Percentile(races, 0.5):F1} | {Percentile(races, 0.95):F1} | - | - | {(Percentile(races, 0.95) <= 25 ? "met" : "missed")} |");
        Console.WriteLine();
        Console.WriteLine($"Races with exactly one approval and one audit event: {raceOutcomes.Count(o => o == 11)} of {Races}");
    }

    private static string Listed(ConcurrentDictionary<string, int> errors) =>
        errors.IsEmpty ? "none" : string.Join(", ", errors.Select(e => $"{e.Value} × {e.Key}"));

    /// <summary>Numbers with a request each: 40% pending, 30% approved, 30% rejected. The pending ids come back shuffled over the accounts.</summary>
    private static async Task<List<string>> SeedAsync(TestDatabase database, List<Actor> owners, Actor reviewer)
    {
        var now = database.Now;
        var terms = ReleaseTerms.Default;
        var reason = ReleaseReason.Create("Office closed; this line is no longer needed.").Value;
        var note = DecisionNote.Create("Still printed on the customer's invoices.").Value;
        var pending = new List<string>();
        for (var start = 0; start < Requests; start += Batch)
        {
            await using var db = database.NewContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var n = start; n < start + Batch; n++)
            {
                var account = n % Accounts;
                var number = new PhoneNumber(
                    $"phn_dec{n:D7}", $"acc_dec{account}", E164.From($"+1415{n:D7}"), $"Line {n}", "US", NumberType.Local, "Telnyx",
                    new Money(115), now.AddDays(-400), now.AddDays(1 + (n % 30)));
                number.Provision("tg-bench", $"sip:line{n}@bench.example", A2pStatus.None);
                var request = new ReleaseRequest($"rr_dec{n:D7}", number, reason, owners[account], now.AddMinutes(-n % 5_000));
                Moved(number.MarkReleasePending());
                switch (n % 10)
                {
                    case < 3:
                        Moved(request.Approve(reviewer, number, now, terms));
                        break;
                    case < 6:
                        Moved(request.Reject(reviewer, now, note));
                        break;
                    default:
                        pending.Add(request.Id);
                        break;
                }

                db.PhoneNumbers.Add(number);
                db.ReleaseRequests.Add(request);
            }

            await db.SaveChangesAsync();
        }

        return [.. pending.OrderBy(id => HashCode.Combine(id, 17))];
    }

    private static void Moved(Result result)
    {
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"Seeding refused a move: {result.Error.Code}");
        }
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
