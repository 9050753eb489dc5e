using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Varna.Data;

namespace Varna.Tests.Cases;

// The inbox costs the same number of round trips to the database whether the organisation has a
// handful of open cases or a page full of them.
public sealed class InboxQueryCountTests(InboxQueryCountTests.CountingFactory factory) : IClassFixture<InboxQueryCountTests.CountingFactory>
{
    [Fact]
    public async Task Inbox_page_issues_as_many_queries_with_60_cases_as_with_3()
    {
        var me = await factory.UserIdAsync(Demo.Officer);
        for (var i = 0; i < 3; i++)
        {
            var (id, _) = await factory.NewTypedCaseAsync(i == 0 ? "violence" : "hate_speech", i == 2 ? "record_only" : "request_contact");
            if (i == 1) await factory.AssignAsync(id, me);
        }
        var officer = await factory.SignedInAsync(Demo.Officer);
        await officer.GetPageAsync("/arenden"); // warm-up: keys and caches loaded once per app

        var few = await factory.CountQueriesAsync(officer, "/arenden");
        await factory.BulkCasesAsync(57, assignee: me);
        var many = await factory.CountQueriesAsync(officer, "/arenden");
        var page = await officer.GetPageAsync("/arenden");

        Assert.Equal(50, page.QuerySelectorAll("table.inbox tbody tr").Length);
        Assert.True(few > 0);
        Assert.Equal(few, many);
    }

    public sealed class CountingFactory : VarnaFactory
    {
        private readonly Counter _counter = new();

        protected override void ConfigureTestServices(IServiceCollection services)
        {
            services.AddHttpContextAccessor();
            services.AddSingleton(_counter);
            services.ConfigureDbContext<SqliteAppDbContext>((sp, o) => o.AddInterceptors(new Interceptor(sp.GetRequiredService<IHttpContextAccessor>(), _counter)));
            services.ConfigureDbContext<PostgresAppDbContext>((sp, o) => o.AddInterceptors(new Interceptor(sp.GetRequiredService<IHttpContextAccessor>(), _counter)));
        }

        // Only the commands of the marked request count, not those of background workers.
        public async Task<int> CountQueriesAsync(HttpClient client, string url)
        {
            var mark = Guid.NewGuid().ToString();
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add(Interceptor.Header, mark);
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return _counter.Commands.GetValueOrDefault(mark);
        }
    }

    public sealed class Counter
    {
        public ConcurrentDictionary<string, int> Commands { get; } = new();
    }

    private sealed class Interceptor(IHttpContextAccessor http, Counter counter) : DbCommandInterceptor
    {
        public const string Header = "X-Count-Queries";

        private void Count()
        {
            if (http.HttpContext?.Request.Headers[Header].ToString() is { Length: > 0 } mark)
                counter.Commands.AddOrUpdate(mark, 1, (_, n) => n + 1);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Count();
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count();
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Count();
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Count();
            return ValueTask.FromResult(result);
        }
    }
}
