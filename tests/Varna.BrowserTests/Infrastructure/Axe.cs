using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Varna.BrowserTests.Infrastructure;

// WCAG 2.1 A and AA only: the level the product promises. Best-practice rules are left out so a
// failure always names a real conformance problem.
public static class Axe
{
    private static readonly List<string> Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var options = new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = Tags } };
        // RunAxe() runs axe per frame and finishes the report in a fresh blank page, injecting axe
        // twice: three times slower here (about 1.6 s against 0.5 s a scan on this machine), which
        // breaks the suite's two-minute budget. That extra work only matters for cross-origin
        // iframes, and Värna has none; the rules and the axe-core version are the same.
#pragma warning disable CS0618 // "Legacy mode is being removed in the future"; revisit when upgrading the package.
        var result = await page.RunAxeLegacy(null, options);
#pragma warning restore CS0618
        if (result.Violations.Length == 0) return;
        Assert.Fail(Describe(page.Url, result.Violations));
    }

    private static string Describe(string url, AxeResultItem[] violations)
    {
        var text = new StringBuilder($"{violations.Length} accessibility violation(s) (WCAG 2.1 AA) on {url}:");
        foreach (var v in violations)
        {
            text.Append($"\n- {v.Id} [{v.Impact}]: {v.Help} ({v.HelpUrl})");
            foreach (var node in v.Nodes)
            {
                text.Append($"\n    at {node.Target}: {node.Html}");
                foreach (var check in node.All.Concat(node.None))
                    text.Append("\n      fix: ").Append(check.Message);
                if (node.Any.Length > 0)
                    text.Append("\n      fix one of: ").Append(string.Join(" | ", node.Any.Select(c => c.Message)));
            }
        }
        return text.ToString();
    }
}
