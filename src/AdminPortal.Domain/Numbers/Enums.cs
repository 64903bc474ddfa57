namespace AdminPortal.Domain.Numbers;

public enum NumberStatus
{
    Active,
    ReleasePending,
    Released,
    Returned,
}

public enum NumberType
{
    Local,
    TollFree,
    Mobile,
}

public enum A2pStatus
{
    None,
    Pending,
    Testing,
    Approved,
}
