-- wrk script: POST /api/v1/reports as the demo representative, with a realistic body that varies a
-- little per request. Set the token in the environment: VARNA_TOKEN=varna_... wrk -s report.lua ...
-- At the end it prints the status codes it saw, one per line as "status <code> <count>", for run.sh.

local token = os.getenv("VARNA_TOKEN") or error("VARNA_TOKEN is not set")

local channels = { "social_media_public", "social_media_private", "email", "phone_sms", "letter_parcel" }
local type_sets = {
  '"threat","hate_speech"',
  '"harassment"',
  '"threat"',
  '"hate_speech","defamation"',
  '"stalking","harassment"',
  '"doxxing"',
}
local wishes = { "request_contact", "record_only" }
local sentences = {
  "Ett konto skrev under mitt inlägg om budgeten att man vet var jag bor och att jag borde passa mig.",
  "Jag fick ett mejl med hotfulla formuleringar efter fullmäktigemötet i går kväll.",
  "Någon har delat min adress i en lokal grupp och uppmanar folk att hälsa på.",
  "Flera kommentarer kallar mig förrädare och skriver att det snart blir räkenskapens dag.",
  "Samma person har ringt mitt privata nummer fem gånger i veckan och lagt på utan att säga något.",
}
local days = { "2026-11-20", "2026-11-21", "2026-11-24", "2026-11-25", "2026-11-27" }

local counter = 0
statuses = {} -- global: done() reads it from each thread
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
  -- A different sequence per thread, so the bodies differ across threads too.
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
  wrk.headers["Authorization"] = "Bearer " .. token
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept-Language"] = "sv"
end

local function pick(list) return list[math.random(#list)] end

function request()
  counter = counter + 1
  local body = string.format(
    '{"dangerNow":false,"channel":"%s","types":[%s],"description":"%s (nr %d)","wish":"%s","occurredAt":"%s"}',
    pick(channels), pick(type_sets), pick(sentences), counter, pick(wishes), pick(days))
  return wrk.format("POST", "/api/v1/reports", nil, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    -- Each thread has its own Lua state; read its table back through thread:get.
    local s = thread:get("statuses")
    for code, n in pairs(s or {}) do total[code] = (total[code] or 0) + n end
  end
  for code, n in pairs(total) do io.write(string.format("status %d %d\n", code, n)) end
end
