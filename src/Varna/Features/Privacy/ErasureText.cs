namespace Varna.Features.Privacy;

public sealed class ErasureText;
