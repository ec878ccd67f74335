/** Lua scripts of the list queue. Each touches only keys of one topic (one cluster slot). */

/** KEYS: queue, sequence. ARGV[1]: maxCount (0 keeps all), ARGV[2..]: item bodies. Assigns ids, LPUSHes, trims. */
export const PUBLISH = `
local n = #ARGV - 1
local last = redis.call('INCRBY', KEYS[2], n)
for i = 2, #ARGV do
  redis.call('LPUSH', KEYS[1], string.format('%d', last - n + i - 1) .. '\\n' .. ARGV[i])
end
local keep = tonumber(ARGV[1])
if keep > 0 then redis.call('LTRIM', KEYS[1], 0, keep - 1) end
return last`;

/**
 * KEYS: queue, processing, deliveries. ARGV[1]: most items. Moves the oldest items to the consumer's processing
 * list and counts each delivery, returning item, count, item, count, ...
 */
export const FETCH = `
local out = {}
for _ = 1, tonumber(ARGV[1]) do
  local item = redis.call('LMOVE', KEYS[1], KEYS[2], 'RIGHT', 'LEFT')
  if not item then break end
  out[#out + 1] = item
  out[#out + 1] = redis.call('HINCRBY', KEYS[3], string.match(item, '^(%d+)\\n') or '?', 1)
end
return out`;

/** KEYS: processing, deliveries. ARGV: item, id. Ack (or drop): gone from the processing list for good. */
export const SETTLE = `
if redis.call('LREM', KEYS[1], 1, ARGV[1]) == 1 then
  redis.call('HDEL', KEYS[2], ARGV[2])
  return 1
end
return 0`;

/**
 * KEYS: processing, queue. ARGV: item. Nack with requeue: back to the consuming end of the queue, so it is
 * delivered next. Nothing happens when recovery already moved it back.
 */
export const REQUEUE = `
if redis.call('LREM', KEYS[1], 1, ARGV[1]) == 1 then
  redis.call('RPUSH', KEYS[2], ARGV[1])
  return 1
end
return 0`;

/**
 * KEYS: processing, queue, consumers, alive. ARGV[1]: consumer. When the consumer's heartbeat expired, moves its
 * processing list back to the consuming end of the queue (oldest delivered first) and forgets the consumer.
 */
export const RECOVER = `
if redis.call('EXISTS', KEYS[4]) == 1 then return -1 end
local moved = 0
while redis.call('LMOVE', KEYS[1], KEYS[2], 'LEFT', 'RIGHT') do moved = moved + 1 end
redis.call('SREM', KEYS[3], ARGV[1])
return moved`;
