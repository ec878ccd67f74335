/**
 * Preloaded (`node --import`) into every process the soak starts (its workers, the monitor): answers the soak's
 * IPC question with the process's own memory, so RSS and heap come from the same place for each of them without
 * the monitor or the worker knowing about the soak.
 */
import { MEMORY_REQUEST, type MemoryReply } from "./memory-request.js";

process.on("message", (message) => {
  if (message !== MEMORY_REQUEST) return;
  // A full collection first (--expose-gc, see memoryReporterImport): the heap then is what is still live, and a
  // reading no longer depends on when V8 last collected (one soak's heap readings swung 30–104 MB without it).
  globalThis.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  const reply: MemoryReply = { rssBytes: rss, heapUsedBytes: heapUsed };
  process.send?.(reply);
});
// The channel is for the soak's questions only: it must not keep a process alive that would otherwise exit.
process.channel?.unref();
