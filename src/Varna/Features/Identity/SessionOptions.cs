using System.ComponentModel.DataAnnotations;

namespace Varna.Features.Identity;

// How long a signed-in browser session lives (configuration section "Sessions").
public sealed class SessionOptions
{
    public const string Section = "Sessions";

    // Staff see and steer case data about threatened people. The risk is a session left open on a
    // shared or unlocked office computer, so it ends after half an hour without use (the screen-lock
    // time most municipalities use) and after ten hours whatever the use: a long working day, never
    // overnight.
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan StaffIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan StaffAbsoluteTimeout { get; set; } = TimeSpan.FromHours(10);

    // Representatives report from their own phone, often in a hurry and shaken. Having to find a
    // password then keeps reports from being made, so their session slides: it lasts 30 days after
    // the last use and survives closing the browser.
    [Range(typeof(TimeSpan), "00:05:00", "90.00:00:00")]
    public TimeSpan RepresentativeSlidingTimeout { get; set; } = TimeSpan.FromDays(30);

    // How often ended sessions that nobody came back to are deleted.
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);
}
