/**
 * Lua scripts of the list consumers. Each touches only keys of one topic (one cluster slot).
 *
 * The deliveries hash counts, per item id, how often the item went back to the queue unacknowledged (requeued,
 * or recovered from a consumer that went away): a delivery is a redelivery when its count is above 0. Only
 * returns write it, so while nothing was returned it stays empty and fetch and ack cost one list command per
 * item, nothing more (a per-delivery count cost two more hash commands per item on every record).
 */

/** The id at the start of an item (`<id>\n…`), '?' for an item this adapter did not write. */
const ITEM_ID = `(string.match(item, '^([%x-]+)\\n') or '?')`;

/** Lua that moves up to ARGV[1] of the oldest items of list KEYS[1] to the head of list KEYS[2], into `items`. */
export const MOVE_OLDEST = `
local items = {}
for _ = 1, tonumber(ARGV[1]) do
  local item = redis.call('LMOVE', KEYS[1], KEYS[2], 'RIGHT', 'LEFT')
  if not item then break end
  items[#items + 1] = item
end`;

/**
 * KEYS: queue, processing, deliveries. ARGV[1]: most items. Moves the oldest items to the consumer's processing
 * list. Returns `{items, returned}`: `returned[i]` is how often items[i] went back to the queue before; the
 * whole list is empty when nothing is (the hash is empty).
 */
export const FETCH = `${MOVE_OLDEST}
local returned = {}
if #items > 0 and redis.call('HLEN', KEYS[3]) > 0 then
  for i = 1, #items do
    local item = items[i]
    returned[i] = tonumber(redis.call('HGET', KEYS[3], ${ITEM_ID})) or 0
  end
end
return {items, returned}`;

/**
 * KEYS: processing, deliveries. ARGV: items. Ack (or drop): each item gone from the processing list for good,
 * all in one call (the acks of one turn), and its return count with it. Searched from the tail (count -1):
 * deliveries enter at the head, so the oldest unacknowledged item, the one an in-order ack settles, is at the
 * tail. Returns how many were still there.
 */
export const SETTLE = `
local counted = redis.call('HLEN', KEYS[2]) > 0
local settled = 0
for i = 1, #ARGV do
  local item = ARGV[i]
  if redis.call('LREM', KEYS[1], -1, item) == 1 then
    if counted then redis.call('HDEL', KEYS[2], ${ITEM_ID}) end
    settled = settled + 1
  end
end
return settled`;

/**
 * KEYS: processing, queue, deliveries. ARGV: item. Nack with requeue: back to the consuming end of the queue,
 * so it is delivered next, counted as returned. Nothing happens when recovery already moved it back.
 */
export const REQUEUE = `
local item = ARGV[1]
if redis.call('LREM', KEYS[1], -1, item) == 1 then
  redis.call('RPUSH', KEYS[2], item)
  redis.call('HINCRBY', KEYS[3], ${ITEM_ID}, 1)
  return 1
end
return 0`;

/**
 * KEYS: processing, queue, consumers, alive, deliveries. ARGV[1]: consumer. When the consumer's heartbeat
 * expired, moves its processing list back to the consuming end of the queue (oldest delivered first), each item
 * counted as returned, and forgets the consumer.
 */
export const RECOVER = `
if redis.call('EXISTS', KEYS[4]) == 1 then return -1 end
local moved = 0
while true do
  local item = redis.call('LMOVE', KEYS[1], KEYS[2], 'LEFT', 'RIGHT')
  if not item then break end
  redis.call('HINCRBY', KEYS[5], ${ITEM_ID}, 1)
  moved = moved + 1
end
redis.call('SREM', KEYS[3], ARGV[1])
return moved`;
