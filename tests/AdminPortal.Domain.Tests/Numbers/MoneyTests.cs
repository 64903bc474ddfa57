using AdminPortal.Domain.Numbers;

namespace AdminPortal.Domain.Tests.Numbers;

public sealed class MoneyTests
{
    [Theory]
    [InlineData(2500, "$25.00")]
    [InlineData(0, "$0.00")]
    [InlineData(5, "$0.05")]
    [InlineData(115, "$1.15")]
    [InlineData(123456, "$1,234.56")]
    public void Money_is_shown_in_dollars_with_two_decimals(long cents, string shown) =>
        Assert.Equal(shown, new Money(cents).ToString());

    [Fact]
    public void Money_is_formatted_the_same_whatever_the_current_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal("$1,234.56", new Money(123456).ToString());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Money_is_held_in_integer_cents_of_US_dollars()
    {
        var fee = new Money(2500);

        Assert.Equal(25.00m, fee.Dollars);
        Assert.Equal("USD", Money.Currency);
        Assert.False(fee.IsZero);
        Assert.True(Money.Zero.IsZero);
        Assert.Equal(new Money(2615), fee + new Money(115));
    }
}
