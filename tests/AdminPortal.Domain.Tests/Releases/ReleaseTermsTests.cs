using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using AdminPortal.Domain.Tests.Support;

namespace AdminPortal.Domain.Tests.Releases;

public sealed class ReleaseTermsTests
{
    [Fact]
    public void The_fee_is_25_dollars_for_a_number_purchased_3_calendar_months_minus_one_day_before_the_release()
    {
        var fee = A.Terms.FeeFor(purchasedAt: A.Now.AddMonths(-3).AddDays(1), releasedAt: A.Now);

        Assert.Equal("$25.00", fee.ToString());
    }

    [Fact]
    public void The_fee_still_applies_one_tick_before_3_calendar_months_have_passed()
    {
        var fee = A.Terms.FeeFor(purchasedAt: A.Now.AddMonths(-3).AddTicks(1), releasedAt: A.Now);

        Assert.Equal(new Money(2500), fee);
    }

    [Fact]
    public void There_is_no_fee_for_a_number_purchased_exactly_3_calendar_months_before_the_release()
    {
        var fee = A.Terms.FeeFor(purchasedAt: A.Now.AddMonths(-3), releasedAt: A.Now);

        Assert.Equal("$0.00", fee.ToString());
        Assert.True(fee.IsZero);
    }

    [Fact]
    public void Three_calendar_months_are_counted_in_months_not_in_90_days()
    {
        // 2026-08-23 to 2026-11-23 is 92 days: 90 days after purchase is still within 3 calendar months.
        var purchasedAt = A.Now.AddMonths(-3).AddDays(1);

        Assert.True((A.Now - purchasedAt).TotalDays > 90);
        Assert.Equal(new Money(2500), A.Terms.FeeFor(purchasedAt, A.Now));
    }

    [Fact]
    public void The_fee_amount_and_period_come_from_the_terms()
    {
        var terms = new ReleaseTerms(new Money(1000), EarlyTerminationMonths: 6, CoolingOffDays: 14);

        Assert.Equal("$10.00", terms.FeeFor(A.Now.AddMonths(-6).AddDays(1), A.Now).ToString());
        Assert.Equal(Money.Zero, terms.FeeFor(A.Now.AddMonths(-6), A.Now));
    }

    [Fact]
    public void The_number_is_available_again_after_the_cooling_off_days()
    {
        Assert.Equal(A.Now.AddDays(30), A.Terms.AvailableAfter(A.Now));
        Assert.Equal(A.Now.AddDays(7), (A.Terms with { CoolingOffDays = 7 }).AvailableAfter(A.Now));
    }

    [Fact]
    public void The_default_terms_are_a_25_dollar_fee_within_3_months_and_30_days_of_cooling_off()
    {
        Assert.Equal(new ReleaseTerms(new Money(2500), 3, 30), ReleaseTerms.Default);
    }
}
