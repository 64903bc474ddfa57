namespace AdminPortal.Testing;

/// <summary>The people, accounts and settings every test project starts from, named once.</summary>
public static class Cast
{
    public const string AccountId = "acc_123abc";
    public const string OtherAccountId = "acc_999xyz";
    public const string SelfServiceAccountId = "acc_789ghi";

    public const string OwnerEmail = "owner@example.com";
    public const string CoOwnerEmail = "co.owner@example.com";
    public const string StrangerEmail = "stranger@example.com";
    public const string SelfServiceOwnerEmail = "self.service@example.com";
    public const string ReviewerEmail = "reviewer@example.com";
    public const string SecondReviewerEmail = "second.reviewer@example.com";
    public const string AdminEmail = "admin@example.com";

    /// <summary>Every number the tests make has this trunk group and routing, so a cancel can prove it restored them.</summary>
    public const string TrunkGroup = "tg-test-1";
    public const string InboundRouting = "sip:line@test.example";

    /// <summary>The password of every user the host tests create.</summary>
    public const string Password = "correct horse battery staple";

    public const string Reason = "Office closed; this line is no longer needed.";
    public const string Note = "The number is still printed on customer invoices.";
}
