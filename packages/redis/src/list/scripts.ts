/** Lua scripts of the list consumers. Each touches only keys of one topic (one cluster slot). */

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
  out[#out + 1] = redis.call('HINCRBY', KEYS[3], string.match(item, '^([%x-]+)\\n') or '?', 1)
end
return out`;

/**
 * KEYS: processing, deliveries. ARGV: item, id, item, id, ... Ack (or drop): each item gone from the processing
 * list for good, all in one call (the acks of one turn). Searched from the tail (count -1): deliveries enter at
 * the head, so the oldest unacknowledged item, the one an in-order ack settles, is at the tail. Returns how many
 * were still there.
 */
export const SETTLE = `
local settled = 0
for i = 1, #ARGV, 2 do
  if redis.call('LREM', KEYS[1], -1, ARGV[i]) == 1 then
    redis.call('HDEL', KEYS[2], ARGV[i + 1])
    settled = settled + 1
  end
end
return settled`;

/**
 * KEYS: processing, queue. ARGV: item. Nack with requeue: back to the consuming end of the queue, so it is
 * delivered next. Nothing happens when recovery already moved it back.
 */
export const REQUEUE = `
if redis.call('LREM', KEYS[1], -1, ARGV[1]) == 1 then
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
