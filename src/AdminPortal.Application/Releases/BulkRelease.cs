using AdminPortal.Application.Common;
using AdminPortal.Application.Numbers;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdminPortal.Application.Releases;

/// <summary>One number of a bulk release as the dry run sees it: releasable, or what blocks it, with what it would cost and when.</summary>
public sealed record BulkVerdictView(
    string Input,
    string? NumberId,
    string? E164,
    bool CanRelease,
    IReadOnlyList<Error> Blockers,
    Money Fee,
    DateTime? BillingEndsAt,
    DateTime? AvailableAfter,
    IReadOnlyList<string> SecondApprovalReasons,
    int AgentCount);

/// <summary>The totals on top: how many can go and what they cost, how many are blocked and by which codes.</summary>
public sealed record BulkSummaryView(int Releasable, int Blocked, Money TotalFees, IReadOnlyDictionary<string, int> BlockedBy);

public sealed record BulkPreviewView(IReadOnlyList<BulkVerdictView> Results, BulkSummaryView Summary);

/// <summary>
/// The dry run of a bulk release: the verdict for every number before anything happens. At most 1,000 numbers of one
/// account; a number that does not parse, repeats or is not in the account gets its own error, as a single request would.
/// A reason, when given, is checked as the request would check it; the page previews before the reason is typed.
/// </summary>
public sealed class PreviewBulkRelease(IPortalDbFactory dbFactory, TimeProvider time, IOptions<ReleaseOptions> options)
{
    public const int MaxNumbers = 1000;

    public async Task<Result<BulkPreviewView>> HandleAsync(
        Actor actor, string accountId, IReadOnlyList<string>? numbers, ReleaseTiming timing, string? reason = null, CancellationToken ct = default)
    {
        if (reason is not null && ReleaseReason.Create(reason) is { IsSuccess: false } invalid)
        {
            return invalid.Error;
        }

        if (numbers is not { Count: > 0 and <= MaxNumbers })
        {
            return numbers is { Count: > 0 }
                ? new Error(Errors.BatchTooLarge, $"{numbers.Count:N0} numbers were given; a bulk release takes at most {MaxNumbers:N0}", $"Split the list into batches of at most {MaxNumbers:N0} numbers")
                : new Error(Errors.InvalidParameter, "No number was given", $"Send 1 to {MaxNumbers:N0} numbers in E.164, such as +14155550101");
        }

        await using var db = await dbFactory.CreateAsync(ct);
        var reach = await (await db.ReachAsync(actor, ct)).NarrowAsync(accountId, ct);
        if (!reach.IsSuccess)
        {
            return reach.Error;
        }

        var parsed = numbers.Select(input => (Input: input, Parsed: E164.Parse(input))).ToList();
        var wanted = parsed.Where(p => p.Parsed.IsSuccess).Select(p => p.Parsed.Value.Value).Distinct().ToList();
        var found = await reach.Value.Numbers.AsNoTracking().Include(n => n.Agents).Where(n => n.AccountId == accountId && wanted.Contains(n.E164)).ToDictionaryAsync(n => n.E164, ct);

        var now = time.UtcNow();
        var terms = options.Value.Terms;
        var seen = new HashSet<string>();
        var verdicts = parsed.Select(p =>
        {
            if (!p.Parsed.IsSuccess)
            {
                return Refused(p.Input, null, p.Parsed.Error);
            }

            var e164 = p.Parsed.Value.Value;
            if (!seen.Add(e164))
            {
                return Refused(p.Input, e164, new Error(Errors.DuplicateNumber, $"{e164} is in the list more than once", "Keep it once; it is released once"));
            }

            return found.TryGetValue(e164, out var number)
                ? Judge(p.Input, number, terms, now, timing)
                : Refused(p.Input, e164, new Error(Errors.NumberNotFound, $"{e164} is not a number of account {accountId}", "Choose the account it belongs to, or take it off the list"));
        }).ToList();

        // A large batch makes each of its numbers need a second reviewer: the batch is the numbers that can go.
        var batchSize = verdicts.Count(v => v.CanRelease);
        var results = verdicts.Select(v => v.CanRelease ? v with { SecondApprovalReasons = terms.SecondApprovalReasons(found[v.E164!], batchSize) } : v).ToList();
        var blocked = results.Where(r => !r.CanRelease).ToList();
        return new BulkPreviewView(results, new BulkSummaryView(
            batchSize,
            blocked.Count,
            new Money(results.Where(r => r.CanRelease).Sum(r => r.Fee.Cents)),
            blocked.SelectMany(r => r.Blockers.Take(1)).GroupBy(b => b.Code).ToDictionary(g => g.Key, g => g.Count())));
    }

    private static BulkVerdictView Judge(string input, PhoneNumber number, ReleaseTerms terms, DateTime now, ReleaseTiming timing)
    {
        var preview = ReleasePreview.Of(number, terms, now);
        var releasedAt = timing == ReleaseTiming.EndOfBillingCycle ? preview.BillingEndsAt : now;
        return new BulkVerdictView(
            input, number.Id, number.E164, preview.CanRelease, preview.Blockers, preview.CanRelease ? terms.FeeFor(number.PurchasedAt, releasedAt) : Money.Zero,
            preview.BillingEndsAt, terms.AvailableAfter(releasedAt), [], number.Agents.Count);
    }

    private static BulkVerdictView Refused(string input, string? e164, Error error) => new(input, null, e164, false, [error], Money.Zero, null, null, [], 0);
}

/// <summary>What became of one number of a bulk request: its request, or why there is none.</summary>
public sealed record BulkItemView(string Input, string? E164, string? RequestId, ReleaseRequestStatus? Status, Error? Error);

public sealed record BatchView(string BatchId, IReadOnlyList<BulkItemView> Results)
{
    public int Requested => Results.Count(r => r.RequestId is not null);
}

/// <summary>
/// Requests the release of every releasable number of the list with one reason, as one batch: one request per number,
/// each made (and audited) on its own exactly as a single request, so a number that changed meanwhile is refused alone.
/// A list of which no number can go is refused as a whole.
/// </summary>
public sealed class RequestBulkRelease(PreviewBulkRelease preview, RequestRelease request)
{
    public async Task<Result<BatchView>> HandleAsync(
        Actor actor, string accountId, IReadOnlyList<string>? numbers, string? reason, ReleaseTiming timing, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        var validReason = ReleaseReason.Create(reason);
        if (!validReason.IsSuccess)
        {
            return validReason.Error;
        }

        var verdicts = await preview.HandleAsync(actor, accountId, numbers, timing, ct: ct);
        if (!verdicts.IsSuccess)
        {
            return verdicts.Error;
        }

        var batch = new Batch(Ids.New("bat_"), verdicts.Value.Summary.Releasable);
        var results = new List<BulkItemView>();
        foreach (var verdict in verdicts.Value.Results)
        {
            if (!verdict.CanRelease)
            {
                results.Add(new BulkItemView(verdict.Input, verdict.E164, null, null, verdict.Blockers[0]));
            }
            else
            {
                var made = await request.HandleAsync(actor, NumberKey.ById(verdict.NumberId!), reason, timing, batch, ct);
                results.Add(made.IsSuccess
                    ? new BulkItemView(verdict.Input, verdict.E164, made.Value.Id, made.Value.Status, null)
                    : new BulkItemView(verdict.Input, verdict.E164, null, null, made.Error));
            }

            progress?.Report(results.Count);
        }

        // A batch without a request would be an id that lists nothing: the caller hears that nothing happened, and why.
        if (!results.Any(r => r.RequestId is not null))
        {
            return new Error(
                Errors.NotReleasable,
                results.Count == 1 ? $"{Naming(results[0])}; no request was made" : $"None of the {results.Count:N0} numbers can be released ({Errors.Counted(results.Select(r => r.Error!))}); no request was made",
                "Run the dry run (dry_run: true) to see what blocks each number, fix or drop those numbers, then request again");
        }

        return new BatchView(batch.Id, results);
    }

    /// <summary>The refusal, led by the number unless it names the number already.</summary>
    private static string Naming(BulkItemView item) =>
        item.E164 is { } e164 && !item.Error!.Message.Contains(e164, StringComparison.Ordinal) ? $"{e164}: {item.Error.Message}" : item.Error!.Message;
}

/// <summary>Detaches every agent from the selected numbers in one confirmed step, each detachment audited on its number.</summary>
public sealed class DetachAllAgents(IPortalDbFactory dbFactory, DetachAgent detach)
{
    public async Task<Result<int>> HandleAsync(Actor actor, string accountId, IReadOnlyList<string> numberIds, CancellationToken ct = default)
    {
        List<(string NumberId, string AgentId)> agents;
        await using (var db = await dbFactory.CreateAsync(ct))
        {
            var reach = await (await db.ReachAsync(actor, ct)).NarrowAsync(accountId, ct);
            if (!reach.IsSuccess)
            {
                return reach.Error;
            }

            var ids = numberIds.Take(PreviewBulkRelease.MaxNumbers).ToList();
            agents = [.. (await reach.Value.Numbers.AsNoTracking().Include(n => n.Agents).Where(n => n.AccountId == accountId && ids.Contains(n.Id)).ToListAsync(ct))
                .SelectMany(n => n.Agents.Select(a => (n.Id, a.AgentId)))];
        }

        var detached = 0;
        foreach (var (numberId, agentId) in agents)
        {
            detached += (await detach.HandleAsync(actor, NumberKey.ById(numberId), agentId, ct)).IsSuccess ? 1 : 0;
        }

        return detached;
    }
}
