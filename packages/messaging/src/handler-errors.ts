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

/**
 * `handler`, with its failures reported (to `onError`, else one stderr line) and passed on to the adapter as a
 * rejected promise. A handler that returns without a promise gets none back: no promise and no microtask per
 * record where the handler is synchronous.
 */
export function reportingHandler(
  target: TargetId,
  handler: DeliveryHandler,
  onError?: HandlerErrorReporter,
): DeliveryHandler {
  const report = (error: unknown, delivery: Delivery) => {
    if (onError) onError(error, delivery);
    else reportHandlerError(target, error, delivery);
  };
  return (delivery) => {
    let result: ReturnType<DeliveryHandler>;
    try {
      result = handler(delivery);
    } catch (error) {
      report(error, delivery);
      return Promise.reject(error);
    }
    if (!(result instanceof Promise)) return result;
    return result.catch((error: unknown) => {
      report(error, delivery);
      throw error;
    });
  };
}
