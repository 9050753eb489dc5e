namespace Varna.Infrastructure;

// How many requests a client may make in a window, per kind of request (RateLimits:*). The
// defaults suit a municipality whose officers share one public address; tests set their own.
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    // Posts of the sign-in, two-step and recovery-code forms, per client address.
    public RateLimitWindow SignIn { get; set; } = new() { PermitLimit = 60, WindowSeconds = 300 };
    // Posts of the sign-in form per typed e-mail address, whichever address they come from.
    public RateLimitWindow SignInPerEmail { get; set; } = new() { PermitLimit = 10, WindowSeconds = 900 };
    // Submitted reports (page and API), per signed-in user.
    public RateLimitWindow Reports { get; set; } = new() { PermitLimit = 20, WindowSeconds = 600 };
    // Evidence uploads (page and API), per signed-in user.
    public RateLimitWindow Evidence { get; set; } = new() { PermitLimit = 60, WindowSeconds = 600 };
    // Everything else anyone may ask without signing in, per client address.
    public RateLimitWindow Anonymous { get; set; } = new() { PermitLimit = 300, WindowSeconds = 60 };
    // The health check, per client address: monitoring asks often.
    public RateLimitWindow Health { get; set; } = new() { PermitLimit = 600, WindowSeconds = 60 };
}

public sealed class RateLimitWindow
{
    public int PermitLimit { get; set; }
    public int WindowSeconds { get; set; }
}
