import { AsyncLocalStorage } from 'node:async_hooks';
import type { FlowServices } from './flow.ts';

const current = new AsyncLocalStorage<FlowServices>();

/**
 * Runs `work` with the update's services available to domain actors. Flows
 * build their machine once (building one per update cost more than the rest
 * of the engine); the actors read the update they serve from here.
 */
export function withFlowServices<T>(services: FlowServices, work: () => T): T {
  return current.run(services, work);
}

/** The services of the update being handled; only valid inside a domain actor. */
export function flowServices(): FlowServices {
  const services = current.getStore();
  if (!services) throw new Error('a domain actor ran outside an update');
  return services;
}
