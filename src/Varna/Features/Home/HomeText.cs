namespace Varna.Features.Home;

public sealed class HomeText;
