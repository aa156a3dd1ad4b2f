-- wrk script: POSTs one booking per free slot, each thread walking its own share of the lines of
-- the bodies file, so no two requests ask for the same slot.
local bodies = {}
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(os.getenv("BODIES")) do bodies[#bodies + 1] = line end
  step = tonumber(os.getenv("THREADS"))
  next_index = id + 1
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  local body = bodies[next_index]
  next_index = next_index + step
  if body == nil then body = "{}" end
  return wrk.format(nil, "/api/bookings", nil, body)
end

created, other = 0, 0
function response(status, headers, body)
  if status == 201 then created = created + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local p = function(q) return latency:percentile(q) / 1000 end
  io.write(string.format("bookings: %d requests in %.1f s = %.0f/s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; errors %d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    p(50), p(99), latency.max / 1000, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
