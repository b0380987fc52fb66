import type { Logger } from 'pino';
import type { FlowInspect } from './bot/flow-inspection.ts';
import type { InspectSetting } from './config.ts';
import { startInspectorRelay } from './inspector-relay.ts';

export interface RunningInspector {
  /** Give this to the bot: every flow actor's inspection events go to the inspector. */
  inspect: FlowInspect;
  /** Where to watch, for the start-up log line. */
  watch: string;
  /** Ends the inspection (closes the local relay and its pages' streams). */
  stop(): Promise<void>;
}

/**
 * Starts the XState inspector for INSPECT (see `configSchema`) with
 * `@statelyai/inspect`, imported only then, so a usual start does not load it:
 *
 * - `local` (INSPECT=1): the package's `createInspector` turns XState's
 *   inspection events into the Stately inspector's, and a relay in this
 *   process (src/inspector-relay.ts, 127.0.0.1:INSPECT_PORT) serves a page
 *   embedding the Stately inspector, fed by a Server-Sent Events stream.
 *   Chat data never leaves the machine; only the inspector page itself comes
 *   from stately.ai. The package's own relay (`createInspectorServer`) is not
 *   used: it listens on every interface, crashes the process when its port is
 *   taken, and keeps the bot from exiting while an inspector page is open.
 * - `relay` (INSPECT=ws://…): `createWebSocketInspector` to a relay already
 *   running there (e.g. the package's `createInspectorServer`).
 * - `sky` (INSPECT=sky): `createSkyInspector`; events go to Stately's servers
 *   and the package prints the live-inspection link (needs internet).
 */
export async function startInspector(
  setting: InspectSetting,
  port: number,
  logger: Logger,
): Promise<RunningInspector> {
  const { createInspector, createSkyInspector, createWebSocketInspector } = await import(
    '@statelyai/inspect'
  );
  if (setting.kind === 'local') {
    const relay = await startInspectorRelay(port);
    const inspector = createInspector({ send: (event) => relay.send(event) });
    return {
      inspect: (event) => inspector.inspect.next?.(event),
      watch: relay.url,
      stop: () => relay.close(),
    };
  }
  const inspector =
    setting.kind === 'relay'
      ? createWebSocketInspector({ url: setting.url })
      : createSkyInspector({
          onerror: (error) => logger.warn({ err: error }, 'XState inspector: Stately Sky is unreachable'),
        });
  return {
    inspect: (event) => inspector.inspect.next?.(event),
    watch: setting.kind === 'relay' ? `the inspector of the relay at ${setting.url}` : 'the Stately Sky link',
    async stop() {
      inspector.stop();
    },
  };
}
