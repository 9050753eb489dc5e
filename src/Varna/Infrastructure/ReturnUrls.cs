using System.Text;

namespace Varna.Infrastructure;

// A return URL comes from the request and ends up in a Location (or Refresh) header. Kestrel
// refuses any header with a non-ASCII or control character, so such a URL used as it is turned a
// harmless post into a 500 (found by wapiti on the language switch). Control characters send the
// person home; anything else outside ASCII is percent-encoded (UTF-8), as a browser would have sent it.
public static class ReturnUrls
{
    // The return URL if the app's own URL helper calls it local, made fit for a header; else "/".
    public static string LocalOrHome(this IUrlHelper url, string? returnUrl) =>
        url.IsLocalUrl(returnUrl) && ForHeader(returnUrl) is { } safe ? safe : "/";

    // null when the URL holds a control character.
    public static string? ForHeader(string url)
    {
        if (url.Any(char.IsControl)) return null;
        if (url.All(char.IsAscii)) return url;
        var encoded = new StringBuilder(url.Length + 16);
        foreach (var rune in url.EnumerateRunes())
            encoded.Append(rune.IsAscii ? rune.ToString() : Uri.EscapeDataString(rune.ToString()));
        return encoded.ToString();
    }
}
