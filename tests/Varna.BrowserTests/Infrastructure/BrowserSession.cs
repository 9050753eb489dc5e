using Microsoft.Playwright;

namespace Varna.BrowserTests.Infrastructure;

// A browser tab that scans every page it shows. Navigate only through VisitAsync and FollowAsync:
// both wait for the new page, check its status and run axe on it. Any other navigation (a raw
// GotoAsync or a click that leaves the page) is noticed: the next VisitAsync or FollowAsync fails
// with the address that went unscanned, and a page still unscanned at the end is scanned then.
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private int _navigations;
    private int _scanned;
    private string _lastUrl = "";
    private IResponse? _lastDocument;
    private TaskCompletionSource<IResponse?>? _awaitedNavigation;

    private readonly IPage? _scanner;

    // scanner: a JavaScript-enabled tab for sessions without JavaScript, where axe cannot run in
    // the page itself; it is shown the exact HTML the no-script page got and scanned there.
    public BrowserSession(IBrowserContext context, IPage page, IPage? scanner = null)
    {
        _context = context;
        _scanner = scanner;
        Page = page;
        page.FrameNavigated += (_, frame) =>
        {
            // A jump within the page (#main) shows no new document, so it needs no new scan.
            if (frame != page.MainFrame || SameDocument(frame.Url, _lastUrl)) return;
            Interlocked.Increment(ref _navigations);
            _lastUrl = frame.Url;
            _awaitedNavigation?.TrySetResult(_lastDocument);
        };
        // The last document response of the main frame (after any redirects) is the page shown.
        page.Response += (_, response) =>
        {
            if (response.Request.IsNavigationRequest && response.Frame == page.MainFrame) _lastDocument = response;
        };
    }

    // For finding elements and reading the page; not for navigating (see above).
    public IPage Page { get; }

    public IAPIRequestContext Http => _context.APIRequest;

    public async Task<IResponse> VisitAsync(string url, int? expectedStatus = null)
    {
        EnsureScanned();
        var response = await Page.GotoAsync(url) ?? throw new InvalidOperationException($"GET {url} gave no response.");
        await CheckAndScanAsync($"GET {url}", response, expectedStatus);
        return response;
    }

    // Clicks a link or a form button that leads to another page, waits for it and scans it.
    public async Task<IResponse> FollowAsync(ILocator target, int? expectedStatus = null)
    {
        EnsureScanned();
        var navigation = new TaskCompletionSource<IResponse?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _awaitedNavigation = navigation;
        IResponse? response;
        try
        {
            await target.ClickAsync();
            response = await navigation.Task.WaitAsync(TimeSpan.FromSeconds(20));
        }
        finally
        {
            _awaitedNavigation = null;
        }
        // Never format the locator into a message here: ILocator.ToString() blocked the test's
        // synchronisation context and hung the run.
        if (response is null) throw new InvalidOperationException("The click did not load a new page.");
        await Page.WaitForLoadStateAsync(LoadState.Load);
        await CheckAndScanAsync("After the click", response, expectedStatus);
        return response;
    }

    private async Task CheckAndScanAsync(string what, IResponse response, int? expectedStatus)
    {
        _scanned = _navigations;
        if (expectedStatus is { } expected)
            Assert.True(response.Status == expected, $"{what}: expected status {expected}, got {response.Status} at {response.Url}.");
        else
            Assert.True(response.Status < 400, $"{what}: got status {response.Status} at {response.Url}.");
        await ScanAsync(response);
    }

    private async Task ScanAsync(IResponse? document)
    {
        if (_scanner is null)
        {
            await Axe.AssertNoViolationsAsync(Page);
            return;
        }
        if (document is null) return; // nothing was loaded from the app
        var html = await document.TextAsync();
        await _scanner.RouteAsync(document.Url, route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200, ContentType = "text/html; charset=utf-8", Body = html,
        }));
        await _scanner.GotoAsync(document.Url);
        await _scanner.UnrouteAllAsync();
        await Axe.AssertNoViolationsAsync(_scanner);
    }

    private static bool SameDocument(string url, string previous) =>
        url.Contains('#') && url.Split('#')[0] == previous.Split('#')[0];

    private void EnsureScanned()
    {
        if (_scanned != _navigations)
            throw new InvalidOperationException(
                $"The page {_lastUrl} was shown without an accessibility scan. Navigate with VisitAsync or FollowAsync.");
    }

    public async ValueTask DisposeAsync()
    {
        // A page the test reached some other way is still scanned before the tab closes.
        if (_scanned != _navigations && !_context.Pages.All(p => p.IsClosed))
        {
            _scanned = _navigations;
            await ScanAsync(_lastDocument);
        }
        await _context.CloseAsync();
        if (_scanner is not null) await _scanner.Context.CloseAsync();
    }
}
