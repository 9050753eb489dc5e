namespace Varna.Features.Email;

public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public bool UseStartTls { get; set; } = true;
    public string From { get; set; } = "Värna <no-reply@varna.local>";
    // Where messages go when no SMTP host is configured, so a person can read what would be sent.
    public string PickupDirectory { get; set; } = "data/mail";
}
