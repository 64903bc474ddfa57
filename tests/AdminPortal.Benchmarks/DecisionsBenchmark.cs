extern alias web;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AdminPortal.Application.ApiKeys;
using AdminPortal.Application.Releases;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using AdminPortal.Infrastructure.Identity;
using AdminPortal.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Reviewers deciding at once (docs/performance.md): 20 reviewers each approving and rejecting requests of their own
/// through the service layer, on a database holding 100,000 pending and decided requests; 20 reviewers racing on one
/// request, 50 times; and 20 API clients deciding further requests over HTTP. Runs on SQLite, or on PostgreSQL when PORTAL_TEST_POSTGRES names a server.
/// </summary>
internal static class DecisionsBenchmark
{
    private const int Accounts = 10;
    private const int Requests = 100_000;
    private const int Reviewers = 20;
    private const int DecisionsEach = 100;
    private const int Races = 50;
    private const int Batch = 5_000;
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(500);

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

        // Each reviewer takes a slice of the pending requests of its own and alternates approve and reject: as fast as
        // they can, then at one decision every half second each (40 a second offered, still far faster than people).
        var next = 0;
        List<string> Slice() => pending.GetRange(Interlocked.Add(ref next, Reviewers * DecisionsEach) - (Reviewers * DecisionsEach), Reviewers * DecisionsEach);
        Task<string?> ServiceLayer(int r, string id, bool approve) => approve
            ? Refused(database.Get<ApproveRequest>().HandleAsync(reviewers[r], id))
            : Refused(database.Get<RejectRequest>().HandleAsync(reviewers[r], id, "Still printed on the customer's invoices."));
        // A running portal has compiled its queries long before: the first decision of each path is not timed.
        await WarmUpAsync(pending[^Reviewers..], ServiceLayer);
        var (all, seconds, errors) = await DecideAsync(Slice(), null, ServiceLayer);
        var (paced, _, pacedErrors) = await DecideAsync(Slice(), Pace, ServiceLayer);

        // Twenty reviewers approve one request at the same moment: exactly one may win, with one audit event.
        var raceOutcomes = new List<int>();
        var raceLatencies = new ConcurrentBag<double>();
        for (var race = 0; race < Races; race++)
        {
            var id = pending[next + race];
            var started = Stopwatch.GetTimestamp();
            var results = await Task.WhenAll(reviewers.Select(reviewer => Task.Run(async () =>
            {
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
        next += Races;
        var ((http, httpSeconds, httpErrors), (httpPaced, _, httpPacedErrors)) = await OverHttpAsync(database, reviewers, Slice(), Slice(), pending[^(2 * Reviewers)..^Reviewers]);
        Console.WriteLine("| Workload | Decisions | Median ms | p95 ms | Slowest ms | Decisions per second | Errors | Target p95 ≤ 25 ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---|---|");
        Row($"{Reviewers} reviewers, a request each at a time, approve and reject alternately", all, $"{all.Count / seconds:N0}", errors);
        Row($"{Reviewers} reviewers as above, each deciding every {Pace.TotalMilliseconds:N0} ms", paced, "-", pacedErrors);
        Row($"{Reviewers} reviewers racing on one request, {Races} times", races, "-", null);
        Row($"{Reviewers} API clients, approve and reject alternately over HTTP", http, $"{http.Count / httpSeconds:N0}", httpErrors);
        Row($"{Reviewers} API clients as above, each deciding every {Pace.TotalMilliseconds:N0} ms", httpPaced, "-", httpPacedErrors);
        Console.WriteLine();
        Console.WriteLine($"Races with exactly one approval and one audit event: {raceOutcomes.Count(o => o == 11)} of {Races}");
    }

    /// <summary>
    /// The same decisions through the HTTP API: the whole portal in process (ASP.NET Core's test server, no sockets) on the
    /// benchmark's database, each reviewer calling with an API key of its own.
    /// </summary>
    private static async Task<((List<double>, double, ConcurrentDictionary<string, int>) Saturated, (List<double>, double, ConcurrentDictionary<string, int>) Paced)> OverHttpAsync(
        TestDatabase database, List<Actor> reviewers, List<string> fast, List<string> slow, List<string> warmUp)
    {
        var settings = database.HostSettings;
        settings["Demo:Seed"] = "false";
        settings["DataProtection:KeysFolder"] = database.FilePath + "-keys";
        settings["Api:RateLimitPerMinute"] = "1000000";
        // By the portal's clock the seeded requests have waited a week: its reminder job sends each reviewer its daily digest
        // while the decisions are timed, as it would in production.
        // Outside a test project the factory does not know where the portal's folder is.
        var repository = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(repository.FullName, "AdminPortal.sln")))
        {
            repository = repository.Parent!;
        }

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_ADMINPORTAL_WEB", Path.Combine(repository.FullName, "src", "AdminPortal.Web"));
        await using var portal = new WebApplicationFactory<web::Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Benchmark");
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }
        });
        var clients = new List<HttpClient>();
        foreach (var reviewer in reviewers)
        {
            await using var scope = portal.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByIdAsync(reviewer.UserId))!;
            // The role the API checks, and two-step sign-in, without which staff keys do not work.
            await users.AddToRoleAsync(user, PortalRoles.Reviewer);
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            var key = (await scope.ServiceProvider.GetRequiredService<CreateApiKey>().HandleAsync(reviewer, "benchmark")).Value;
            var client = portal.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Secret);
            clients.Add(client);
        }

        async Task<string?> OverHttp(int r, string id, bool approve)
        {
            using var response = approve
                ? await clients[r].PostAsync($"/api/v1/release-requests/{id}/approve", null)
                : await clients[r].PostAsJsonAsync($"/api/v1/release-requests/{id}/reject", new { note = "Still printed on the customer's invoices." });
            if (response.IsSuccessStatusCode)
            {
                return null;
            }

            var body = await response.Content.ReadAsStringAsync();
            return $"{(int)response.StatusCode} {System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("error").GetProperty("code").GetString()}";
        }

        await WarmUpAsync(warmUp, OverHttp);
        var saturated = await DecideAsync(fast, null, OverHttp);
        var paced = await DecideAsync(slow, Pace, OverHttp);
        clients.ForEach(c => c.Dispose());
        return (saturated, paced);
    }

    /// <summary>
    /// <see cref="Reviewers"/> deciders at once, each taking its share of <paramref name="ids"/> in turn, approving and
    /// rejecting alternately; with a pace, each starts a decision at most that often (starts spread over one pace).
    /// </summary>
    private static async Task<(List<double> Latencies, double Seconds, ConcurrentDictionary<string, int> Errors)> DecideAsync(
        List<string> ids, TimeSpan? pace, Func<int, string, bool, Task<string?>> decide)
    {
        var latencies = new ConcurrentBag<double>();
        var errors = new ConcurrentDictionary<string, int>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Reviewers).Select(r => Task.Run(async () =>
        {
            // Timed from when the reviewer asks, not from when a thread gets round to the call: SQLite's provider answers
            // its async calls synchronously, so the pool runs only a few reviewers at a time, and a timer started inside
            // the call would leave out the others' wait.
            var asked = pace * r / Reviewers ?? TimeSpan.Zero;
            for (var i = 0; i < DecisionsEach; i++)
            {
                if (pace is not null && asked - clock.Elapsed is { Ticks: > 0 } wait)
                {
                    await Task.Delay(wait);
                }

                var refused = await decide(r, ids[(r * DecisionsEach) + i], i % 2 == 0);
                var answered = clock.Elapsed;
                latencies.Add((answered - asked).TotalMilliseconds);
                asked = pace is { } every && asked + every > answered ? asked + every : answered;
                if (refused is not null)
                {
                    errors.AddOrUpdate(refused, 1, (_, n) => n + 1);
                }
            }
        })));
        return ([.. latencies], clock.Elapsed.TotalSeconds, errors);
    }

    /// <summary>Each reviewer decides one of <paramref name="ids"/>, half of them approving, half rejecting, all at once, untimed.</summary>
    private static Task WarmUpAsync(List<string> ids, Func<int, string, bool, Task<string?>> decide) =>
        Task.WhenAll(Enumerable.Range(0, Reviewers).Select(r => decide(r, ids[r], r % 2 == 0)));

    private static async Task<string?> Refused<T>(Task<Result<T>> decision) => (await decision).IsSuccess ? null : "refused";

    private static void Row(string workload, List<double> latencies, string perSecond, ConcurrentDictionary<string, int>? errors)
    {
        var p95 = Stats.Percentile(latencies, 0.95);
        Console.WriteLine($"| {workload} | {latencies.Count:N0} | {Stats.Percentile(latencies, 0.5):F1} | {p95:F1} | {latencies.Max():F0} | {perSecond} | {(errors is null ? "-" : Listed(errors))} | {(p95 <= 25 ? "met" : "missed")} |");
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
}
