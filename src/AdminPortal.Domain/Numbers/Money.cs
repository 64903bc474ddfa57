using System.Globalization;

namespace AdminPortal.Domain.Numbers;

/// <summary>An amount in US dollars, held as integer cents.</summary>
public readonly record struct Money(long Cents)
{
    public const string Currency = "USD";

    public static readonly Money Zero = new(0);

    public decimal Dollars => Cents / 100m;

    public bool IsZero => Cents == 0;

    public static Money operator +(Money a, Money b) => new(a.Cents + b.Cents);

    public override string ToString() => Dollars.ToString("$#,##0.00", CultureInfo.InvariantCulture);
}
