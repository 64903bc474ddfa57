namespace AdminPortal.Infrastructure.Email;

/// <summary>The "Email" section. Without an SMTP host, messages go to the outbox that administrators read in the portal.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public SmtpOptions Smtp { get; set; } = new();

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = string.Empty;

    public int Port { get; set; } = 587;

    /// <summary>STARTTLS (or TLS on port 465). Only a local test sink may do without it.</summary>
    public bool EnableSsl { get; set; } = true;

    public string UserName { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;

    public string From { get; set; } = "AdminPortal <no-reply@localhost>";
}
