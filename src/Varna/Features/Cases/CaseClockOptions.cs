using System.ComponentModel.DataAnnotations;

namespace Varna.Features.Cases;

public sealed class CaseClockOptions
{
    public const string Section = "Cases";

    // How often the case clock runs. A minute is fine for deadlines counted in hours; tests with
    // several app processes shorten it to a second.
    [Range(1, 3600)]
    public int ClockIntervalSeconds { get; set; } = 60;
}
