using Varna.Features.Reports;

namespace Varna.Tests.Reports;

// The type of a file is read from its bytes; what the name or the browser claims does not count.
public sealed class ContentSnifferTests
{
    public static TheoryData<byte[], string?> Samples => new()
    {
        { [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F'], "image/jpeg" },
        { ReportsArrange.Png, "image/png" },
        { "GIF89a\x01\x00"u8.ToArray(), "image/gif" },
        { "RIFF\x24\x00\x00\x00WEBPVP8 "u8.ToArray(), "image/webp" },
        { IsoMedia("heic"), "image/heic" },
        { ReportsArrange.Pdf, "application/pdf" },
        { "ID3\x04\x00\x00\x00\x00\x00\x00"u8.ToArray(), "audio/mpeg" },
        { IsoMedia("M4A "), "audio/mp4" },
        { "OggS\x00\x02\x00\x00"u8.ToArray(), "audio/ogg" },
        { "RIFF\x24\x00\x00\x00WAVEfmt "u8.ToArray(), "audio/wav" },
        { IsoMedia("isom"), "video/mp4" },
        { "Hej! Det här är ett hot.\r\nMed radbrytning."u8.ToArray(), "text/plain" },
        { "From: a@b.se\r\nSubject: hej\r\n\r\nText"u8.ToArray(), "message/rfc822" },
        // Windows-1252 Swedish text: not UTF-8, still text.
        { [(byte)'H', 0xE4, (byte)'l', (byte)'s', (byte)'a', (byte)'r', (byte)'\n'], "text/plain" },
        { ReportsArrange.Program, null },
        { "PK\x03\x04\x14\x00\x06\x00"u8.ToArray(), null },
        { [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0], null },
        { "RIFF\x24\x00\x00\x00AVI LIST"u8.ToArray(), null },
        { Array.Empty<byte>(), null },
    };

    // An ISO media file (MP4, HEIC, M4A): a box size, "ftyp" and the brand.
    private static byte[] IsoMedia(string brand) => [0, 0, 0, 0x20, .. "ftyp"u8, .. System.Text.Encoding.ASCII.GetBytes(brand), 0, 0, 0, 0];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Content_type_is_decided_by_the_bytes(byte[] bytes, string? expected) =>
        Assert.Equal(expected, ContentSniffer.Detect(bytes));
}
