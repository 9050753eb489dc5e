namespace Varna.Features.Home;

public static class HomeRegistration
{
    // The start page is a Razor Page; nothing else to map yet. Kept so Program.cs lists it.
    public static WebApplication MapHome(this WebApplication app) => app;
}
