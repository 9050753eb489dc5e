using System.Text;

namespace Varna.Features.Reports;

// Decides what a file is from its first bytes. The name and the browser's claim are ignored: a
// "photo.jpg" that is really a program is refused, and a screenshot saved without an extension is
// accepted. Only kinds of evidence people actually have are allowed: images, PDF, audio, video,
// plain text and saved e-mails.
public static class ContentSniffer
{
    public const int BytesNeeded = 4096;

    public static string? Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return null;
        if (StartsWith(bytes, [0xFF, 0xD8, 0xFF])) return "image/jpeg";
        if (StartsWith(bytes, [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        if (StartsWith(bytes, "GIF87a"u8) || StartsWith(bytes, "GIF89a"u8)) return "image/gif";
        if (StartsWith(bytes, "%PDF-"u8)) return "application/pdf";
        if (StartsWith(bytes, "OggS"u8)) return "audio/ogg";
        if (StartsWith(bytes, "#!AMR"u8)) return "audio/amr";
        if (StartsWith(bytes, "ID3"u8)) return "audio/mpeg";
        if (bytes.Length >= 12 && StartsWith(bytes, "RIFF"u8))
        {
            var form = bytes.Slice(8, 4);
            if (form.SequenceEqual("WEBP"u8)) return "image/webp";
            if (form.SequenceEqual("WAVE"u8)) return "audio/wav";
            return null;
        }
        if (bytes.Length >= 12 && bytes.Slice(4, 4).SequenceEqual("ftyp"u8)) return IsoMedia(bytes.Slice(8, 4));
        // MPEG audio frame sync: eleven set bits. The layer bits tell MP3 from AAC (ADTS).
        if (bytes.Length >= 2 && bytes[0] == 0xFF && (bytes[1] & 0xE0) == 0xE0)
            return (bytes[1] & 0x06) == 0 ? "audio/aac" : "audio/mpeg";
        return DetectText(bytes);
    }

    private static string? IsoMedia(ReadOnlySpan<byte> brand)
    {
        var name = Encoding.ASCII.GetString(brand);
        return name switch
        {
            "heic" or "heix" or "heim" or "heis" or "mif1" or "msf1" => "image/heic",
            "avif" => "image/avif",
            "M4A " or "M4B " => "audio/mp4",
            "qt  " => "video/quicktime",
            "3gp4" or "3gp5" or "3gp6" or "3g2a" => "video/3gpp",
            "isom" or "iso2" or "iso4" or "iso5" or "iso6" or "mp41" or "mp42" or "avc1" or "dash" or "MSNV" => "video/mp4",
            _ => null,
        };
    }

    // Text has no NUL and almost no other control characters. UTF-8 and the older Windows/Latin-1
    // encodings of Swedish text both pass; binary formats do not.
    private static string? DetectText(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, BytesNeeded)];
        if (StartsWith(sample, [0xEF, 0xBB, 0xBF])) sample = sample[3..];
        var controls = 0;
        foreach (var b in sample)
        {
            if (b == 0) return null;
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C)) controls++;
        }
        if (controls > sample.Length / 100) return null;
        return LooksLikeEmail(sample) ? "message/rfc822" : "text/plain";
    }

    // A saved e-mail (.eml) starts with header lines and has a From header among them.
    private static bool LooksLikeEmail(ReadOnlySpan<byte> sample)
    {
        var text = Encoding.Latin1.GetString(sample);
        var headers = text.Split('\n').Select(l => l.TrimEnd('\r')).TakeWhile(l => l.Length > 0).ToList();
        if (headers.Count < 2 || !IsHeader(headers[0])) return false;
        var names = headers.Where(IsHeader).Select(l => l[..l.IndexOf(':')].ToLowerInvariant()).ToHashSet();
        return names.Contains("from") && (names.Contains("date") || names.Contains("subject") || names.Contains("received") || names.Contains("message-id"));
    }

    private static bool IsHeader(string line)
    {
        var colon = line.IndexOf(':');
        return colon > 0 && line[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
    }

    // Lets byte collection literals ([0xFF, 0xD8, 0xFF]) be written inline as prefixes.
    private static bool StartsWith(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> prefix) => bytes.StartsWith(prefix);
}
