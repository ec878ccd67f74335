import type { DeliveryHandler } from "./client.js";
import type { Delivery } from "./record.js";
import type { TargetId } from "./targets.js";

/** Told about every handler that threw or rejected; the adapter then requeues what the handler left unsettled. */
export type HandlerErrorReporter = (error: unknown, delivery: Delivery) => void;

/** The default report: one line on stderr naming the target, topic, position and reason. */
export function reportHandlerError(target: TargetId, error: unknown, delivery: Delivery): void {
  const reason = error instanceof Error ? error.message : String(error);
  console.error(
    `[brokerlab/${target}] handler failed for ${delivery.topic} at ${delivery.position.offset}: ${reason}`,
  );
}

/** `handler`, with its failures reported (to `onError`, else one stderr line) and passed on to the adapter. */
export function reportingHandler(
  target: TargetId,
  handler: DeliveryHandler,
  onError?: HandlerErrorReporter,
): DeliveryHandler {
  return async (delivery) => {
    try {
      await handler(delivery);
    } catch (error) {
      if (onError) onError(error, delivery);
      else reportHandlerError(target, error, delivery);
      throw error;
    }
  };
}
