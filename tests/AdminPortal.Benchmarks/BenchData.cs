using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using AdminPortal.Testing;

internal sealed class BenchData(DateTime now)
{
    private const int Batch = 5_000;

    private static readonly string[] Labels = ["Line", "Sales", "Support", "Billing", "Line", "Front desk", "Line", "Dispatch"];
    private static readonly string[] Providers = ["Telnyx", "Bandwidth", "Twilio", "Vonage"];
    private static readonly string[] UsAreas = ["415", "212", "646", "312", "617", "305", "206", "512", "702", "720", "404", "213"];
    private static readonly string[] TollFree = ["800", "888", "877", "866"];

    private int _sequence;

    public async Task InsertAsync(TestDatabase database, string accountId, int count)
    {
        for (var start = 0; start < count; start += Batch)
        {
            await using var db = database.NewContext();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var numbers = Enumerable.Range(0, Math.Min(Batch, count - start)).Select(_ => Number(accountId, ++_sequence)).ToList();
            db.PhoneNumbers.AddRange(numbers);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            db.ChangeTracker.Clear();
        }
    }

    private PhoneNumber Number(string accountId, int n)
    {
        var digits = ((n * 7919L) + 1_234_567) % 10_000_000;
        var (country, type) = (n % 20) switch
        {
            < 10 => ("US", NumberType.Local),
            < 12 => ("US", NumberType.TollFree),
            < 15 => ("GB", n % 20 == 14 ? NumberType.Mobile : NumberType.Local),
            < 17 => ("DE", n % 20 == 16 ? NumberType.Mobile : NumberType.Local),
            < 19 => ("CA", NumberType.Local),
            _ => ("US", NumberType.Mobile),
        };
        var e164 = (country, type) switch
        {
            ("US", NumberType.TollFree) => $"+1{TollFree[n % TollFree.Length]}{digits:D7}",
            ("US", NumberType.Local) => $"+1{UsAreas[n % UsAreas.Length]}{digits:D7}",
            ("US", _) => $"+1917{digits:D7}",
            ("GB", NumberType.Mobile) => $"+447700{digits:D7}",
            ("GB", _) => $"+44207{digits:D7}",
            ("DE", NumberType.Mobile) => $"+49151{digits:D7}",
            ("DE", _) => $"+4930{digits:D7}",
            _ => $"+1604{digits:D7}",
        };
        var price = type switch { NumberType.TollFree => 200, NumberType.Mobile => 300, _ => 115 };
        var number = new PhoneNumber(
            $"phn_bench{n:D7}",
            accountId,
            E164.From(e164),
            $"{Labels[n % Labels.Length]} {n}",
            country,
            type,
            Providers[n % Providers.Length],
            new Money(price),
            now.AddDays(-(1 + (digits % 1_500))).AddMinutes(-(n % 1_440)),
            now.AddDays(1 + (n % 30)));
        var agents = n % 25 == 0
            ? new[] { new AttachedAgent($"agt_{n % 40}", $"Agent {n % 40}") }
            : [];
        number.Provision($"tg-bench-{n % 8}", $"sip:line{n}@bench.example", (A2pStatus)(n % 4), agents: agents);

        var terms = ReleaseTerms.Default;
        switch (n % 100)
        {
            case 1 or 2 or 3:
                Moved(number.MarkReleasePending());
                break;
            case 4 or 5:
                Moved(number.MarkReleasePending());
                Moved(number.Release(now.AddDays(-5), terms));
                break;
            case 6 or 7:
                Moved(number.MarkReleasePending());
                Moved(number.Release(now.AddDays(-45), terms));
                Moved(number.ReturnToInventory(now.AddDays(-15)));
                break;
        }

        return number;
    }

    /// <summary>A refused move would quietly change the data being measured.</summary>
    private static void Moved(Result result)
    {
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"{result.Error.Code}: {result.Error.Message}");
        }
    }
}
