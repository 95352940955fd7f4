-- The wrk script of `npm run bench` (bench/load.ts writes a copy with its settings and
-- runs it). Every request is formatted once, before the timer starts, so the client's
-- cost per request is one Lua call whatever the route, and a route and its bare twin
-- cost the client the same.
--
-- Arguments (after `--`): METHOD BODY_FILE|- PATHS_FILE START THREADS IDS_FILE|-
--   PATHS_FILE  one path per line, walked round-robin from line START (0-based), so
--               consecutive runs over the same ids go on where the last one stopped;
--               with several THREADS, each starts an equal share further on.
--   IDS_FILE    the `id` of every 201 answer is appended to IDS_FILE.N (N = the thread).
--
-- done() prints one JSON line: responses, the duration, wrk's error counts and the
-- latency histogram (microseconds, count), so percentiles can be pooled over runs.

local threads = 0

function setup(thread)
  thread:set('thread_index', threads)
  threads = threads + 1
end

local requests, count, at = {}, 0, 0
local ids

local function read_all(file)
  local f = assert(io.open(file, 'rb'))
  local text = f:read('*a')
  f:close()
  return text
end

function init(args)
  -- args[0] is the URL.
  local method, body_file, paths_file, ids_file = args[1], args[2], args[3], args[6]
  local start, thread_count = tonumber(args[4]), tonumber(args[5])
  local body = nil
  local headers = {}
  if body_file ~= '-' then
    body = read_all(body_file)
    headers['Content-Type'] = 'application/json'
  end
  for path in io.lines(paths_file) do
    count = count + 1
    requests[count] = wrk.format(method, path, headers, body)
  end
  at = (start + thread_index * math.floor(count / thread_count)) % count
  if ids_file ~= '-' then ids = assert(io.open(ids_file .. '.' .. thread_index, 'a')) end
end

function request()
  at = at + 1
  if at > count then at = 1 end
  return requests[at]
end

-- Only when ids are collected (bench/load.ts sets collect_ids): a response callback makes
-- wrk hand every header and body to Lua.
if collect_ids then
  function response(status, _, body)
    if status == 201 and ids then
      local id = body:match('"id":"([^"]+)"')
      if id then ids:write(id, '\n') end
    end
  end
end

function done(summary, latency)
  local histogram = {}
  -- latency(i) is the i-th distinct value and its count.
  for i = 1, #latency do
    local micros, hits = latency(i)
    histogram[#histogram + 1] = string.format('[%d,%d]', micros, hits)
  end
  local e = summary.errors
  io.write(string.format(
    '{"responses":%d,"durationMicros":%d,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},"latency":[%s]}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout, table.concat(histogram, ',')))
end
