import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createActor, createMachine } from 'xstate';
import { ConfigError, loadConfig } from '../src/config.ts';
import { startInspector } from '../src/inspector.ts';

const silent = pino({ level: 'silent' });
const config = (env: Record<string, string>) => loadConfig(env, { readDotEnv: false });

/** Reads a Server-Sent Events stream until `done` holds for the events so far (or the stream ends). */
async function readEvents(
  body: ReadableStream<Uint8Array>,
  done: (events: { type: string; [key: string]: unknown }[]) => boolean,
) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  const events: { type: string; [key: string]: unknown }[] = [];
  let buffer = '';
  while (!done(events)) {
    const { value, done: ended } = await reader.read();
    if (ended) break;
    buffer += value;
    const parts = buffer.split('\n\n');
    buffer = parts.pop() ?? '';
    for (const part of parts) if (part.startsWith('data: ')) events.push(JSON.parse(part.slice(6)));
  }
  return { events, reader };
}

const toggle = createMachine({
  id: 'toggle',
  initial: 'off',
  states: { off: { on: { FLIP: 'on' } }, on: {} },
});

describe('INSPECT', () => {
  it('is off by default; 1, sky or a ws:// relay URL turn it on; anything else is refused', () => {
    expect(config({}).INSPECT).toBeNull();
    expect(config({ INSPECT: '0' }).INSPECT).toBeNull();
    expect(config({}).INSPECT_PORT).toBe(8081);
    expect(config({ INSPECT: '1' }).INSPECT).toEqual({ kind: 'local' });
    expect(config({ INSPECT: 'sky' }).INSPECT).toEqual({ kind: 'sky' });
    expect(config({ INSPECT: 'ws://127.0.0.1:8080' }).INSPECT).toEqual({
      kind: 'relay',
      url: 'ws://127.0.0.1:8080',
    });
    expect(() => config({ INSPECT: 'yes' })).toThrow(/INSPECT: expected 1, sky or a ws:\/\/ URL/);
  });
});

describe('the local inspector (INSPECT=1)', () => {
  it('serves the Stately inspector page and streams the transitions of inspected actors to it', async () => {
    const inspector = await startInspector({ kind: 'local' }, 0, silent);
    try {
      const page = await (await fetch(inspector.watch)).text();
      expect(page).toContain('<iframe id="inspector" src="https://stately.ai/inspect">');
      expect(page).toContain("new EventSource('/events')");

      const stream = await fetch(`${inspector.watch}/events`);
      expect(stream.headers.get('content-type')).toBe('text/event-stream');
      const actor = createActor(toggle, { inspect: inspector.inspect, id: 'toggle · chat 7' }).start();
      actor.send({ type: 'FLIP' });
      const { events, reader } = await readEvents(stream.body!, (seen) =>
        seen.some(
          (event) =>
            event.type === '@xstate.snapshot' && (event.snapshot as { value: string }).value === 'on',
        ),
      );
      expect(events[0]).toMatchObject({ type: '@xstate.actor', name: 'toggle · chat 7' });
      expect(events).toContainEqual(
        expect.objectContaining({ type: '@xstate.event', event: { type: 'FLIP' } }),
      );

      // A page opened later first gets what it missed.
      const late = await fetch(`${inspector.watch}/events`);
      const replay = await readEvents(late.body!, (seen) => seen.length >= events.length);
      expect(replay.events.slice(0, events.length)).toEqual(events);

      await inspector.stop();
      // Stopping ends the open streams, so the bot can exit with an inspector page open.
      expect((await reader.read()).done).toBe(true);
      expect((await replay.reader.read()).done).toBe(true);
    } finally {
      await inspector.stop();
    }
  });

  it('refuses a taken INSPECT_PORT with a message naming it', async () => {
    const taken = createServer().listen(0, '127.0.0.1');
    await once(taken, 'listening');
    const { port } = taken.address() as AddressInfo;
    try {
      const failure = startInspector({ kind: 'local' }, port, silent);
      await expect(failure).rejects.toThrow(ConfigError);
      await expect(failure).rejects.toThrow(`INSPECT_PORT ${port} is in use`);
    } finally {
      taken.close();
    }
  });
});
