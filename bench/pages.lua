-- wrk script for GET pages and API reads: sends the headers given in the environment (VARNA_COOKIE
-- for pages, VARNA_TOKEN for the API) and prints the 95th percentile and the status codes it saw:
-- "p95 <ms>" and "status <code> <count>" lines, read by cases.sh.

local cookie = os.getenv("VARNA_COOKIE")
local token = os.getenv("VARNA_AUTH_TOKEN")
statuses = {}
local threads = {}

function setup(thread) table.insert(threads, thread) end

function init(args)
  statuses = {}
  if cookie and cookie ~= "" then wrk.headers["Cookie"] = cookie end
  if token and token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end
  wrk.headers["Accept-Language"] = "sv"
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  io.write(string.format("p95 %.2f\n", latency:percentile(95) / 1000))
  local total = {}
  for _, thread in ipairs(threads) do
    for code, n in pairs(thread:get("statuses") or {}) do total[code] = (total[code] or 0) + n end
  end
  for code, n in pairs(total) do io.write(string.format("status %d %d\n", code, n)) end
end
