namespace Varna.Features.Cases;

public static partial class CasesApi
{
    internal static RouteGroupBuilder MapStatusApi(this RouteGroupBuilder cases) => cases;
}
