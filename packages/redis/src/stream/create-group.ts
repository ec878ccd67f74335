import type { Redis } from "ioredis";

/**
 * XGROUP CREATE … MKSTREAM, where a group of that name already existing is no error: two consumers joining at
 * once both succeed. Returns whether this call created it.
 */
export async function createGroup(
  redis: Redis,
  stream: string,
  group: string,
  startId: string,
): Promise<boolean> {
  try {
    await redis.xgroup("CREATE", stream, group, startId, "MKSTREAM");
    return true;
  } catch (error) {
    if (error instanceof Error && error.message.includes("BUSYGROUP")) return false;
    throw error;
  }
}
