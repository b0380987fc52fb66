import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assign, createMachine, setup } from 'xstate';
import { registerMachine } from '../../src/machines/register.machine.ts';
import { loadMachines, machineFileNames, PROJECT_ROOT } from '../../src/tools/machine-files.ts';
import { stateNodesOf, transitionsOf } from '../../src/tools/machine-graph.ts';
import { machineJson } from '../../src/tools/machine-json.ts';
import { machineMermaid } from '../../src/tools/machine-mermaid.ts';
import { DOCS_DIR, machineDocs } from '../../src/tools/machines-export.ts';

const machines = await loadMachines();

describe('machines:export', () => {
  it('finds every machine file in src/machines, each exporting one machine', () => {
    expect([...new Set(machines.map((entry) => entry.file))].sort()).toEqual(
      machineFileNames().map((name) => `src/machines/${name}`),
    );
    expect(machines.map((entry) => entry.id)).toContain('register');
  });

  it('has the committed docs/machines up to date (run npm run machines:export)', async () => {
    const expected = await machineDocs();
    const committed = existsSync(DOCS_DIR) ? readdirSync(DOCS_DIR).sort() : [];
    expect(committed, 'docs/machines is stale: run npm run machines:export').toEqual(
      [...expected.keys()].sort(),
    );
    for (const [name, content] of expected) {
      const actual = readFileSync(join(DOCS_DIR, name), 'utf8');
      expect(actual === content, `docs/machines/${name} is stale: run npm run machines:export`).toBe(true);
    }
  });

  it('keeps every machine file importable by the Stately editor: setup({…}).createMachine({ literal config })', () => {
    for (const { file, exportName } of machines) {
      const source = readFileSync(join(PROJECT_ROOT, file), 'utf8');
      const form = new RegExp(
        `export const ${exportName} = setup\\(\\{[\\s\\S]*?\\}\\)\\.createMachine\\(\\{`,
      );
      expect(form.test(source), `${file}: ${exportName} = setup({ … }).createMachine({ … })`).toBe(true);
    }
  });
});

describe('machine definition JSON', () => {
  it('is a machine config: createMachine(json) has the same states and transitions as the machine', () => {
    for (const { id, machine } of machines) {
      const json = JSON.parse(JSON.stringify(machineJson(machine)));
      const rebuilt = createMachine(json);
      expect(rebuilt.id, id).toBe(id);
      expect(
        stateNodesOf(rebuilt).map((node) => node.id),
        id,
      ).toEqual(stateNodesOf(machine).map((node) => node.id));
      expect([...transitionsOf(rebuilt).values()], id).toEqual([...transitionsOf(machine).values()]);
    }
  });

  it('names the guards, actions and invoked actors of register', () => {
    const json = machineJson(registerMachine) as {
      initial: string;
      states: Record<string, { invoke?: { src: string; onError: { guard?: string; target: string }[] } }>;
    };
    expect(json.initial).toBe('askPhone');
    expect(json.states.submitting?.invoke?.src).toBe('registerAccount');
    expect(json.states.submitting?.invoke?.onError[0]).toEqual({
      target: '#register.alreadyLinked',
      guard: 'alreadyLinkedError',
    });
    expect(json.states.askEmail).toEqual({
      on: {
        TEXT: [
          { target: '#register.checkingEmail', guard: 'isEmail', actions: ['rememberEmail'] },
          { actions: [{ type: 'notice', params: 'badEmail' }] },
        ],
        BACK: [{ target: '#register.askPhone', actions: ['clearNotice'] }],
      },
    });
  });
});

describe('machine Mermaid diagram', () => {
  it("draws register's states, transitions with their guards, invoked actors and final states", () => {
    const mermaid = machineMermaid(registerMachine);
    const lines = mermaid.split('\n').map((line) => line.trim());
    expect(lines[0]).toBe('stateDiagram-v2');
    expect(lines).toContain('[*] --> askPhone');
    for (const state of Object.keys(registerMachine.root.states)) expect(lines).toContain(state);
    expect(lines).toEqual(
      expect.arrayContaining([
        'askPhone --> checkingPhone : CONTACT [isKzPhone]',
        'askPhone --> askPhone : TEXT [else]',
        'checkingPhone --> askEmail : ✓ checkAvailability [else]',
        'checkingPhone --> askPhone : ✗ checkAvailability',
        'summary --> submitting : CONFIRM',
        'summary --> askEmail : BACK',
        'submitting --> alreadyLinked : ✗ registerAccount [alreadyLinkedError]',
        'note right of submitting : invokes registerAccount',
        'note left of cancelled : CANCEL from every state',
        'registered --> [*]',
        'cancelled --> [*]',
      ]),
    );
    // One arrow per transition, except the root's CANCEL, which is one note.
    const arrows = lines.filter((line) => / --> (?!\[\*\])/.test(line) && !line.startsWith('[*]'));
    expect(arrows).toHaveLength(transitionsOf(registerMachine).size - 1);
  });

  it('gives a state named like Mermaid syntax (note, end) another id, labelled with its name', () => {
    const machine = createMachine({
      id: 'words',
      initial: 'note',
      states: { note: { on: { NEXT: 'end' } }, end: { type: 'final' } },
    });
    const lines = machineMermaid(machine)
      .split('\n')
      .map((line) => line.trim());
    expect(lines).toEqual(
      expect.arrayContaining([
        '[*] --> note_',
        'state "note" as note_',
        'state "end" as end_',
        'note_ --> end_ : NEXT',
        'end_ --> [*]',
      ]),
    );
  });

  it('draws nested states inside their parent, with its own first and final states', () => {
    const machine = setup({ actions: { count: assign({}) } }).createMachine({
      id: 'nested',
      initial: 'editing',
      states: {
        editing: {
          initial: 'title',
          on: { CANCEL: 'closed' },
          states: {
            title: { on: { NEXT: { target: 'price', actions: 'count' } } },
            price: { on: { NEXT: 'saved' } },
            saved: { type: 'final' },
          },
          onDone: 'closed',
        },
        closed: { type: 'final' },
      },
    });
    const lines = machineMermaid(machine)
      .split('\n')
      .map((line) => line.trim());
    expect(lines.slice(0, 10)).toEqual([
      'stateDiagram-v2',
      '[*] --> editing',
      'state "editing" as editing {',
      '[*] --> editing_title',
      'state "title" as editing_title',
      'state "price" as editing_price',
      'state "saved" as editing_saved',
      'editing_saved --> [*]',
      '}',
      'closed',
    ]);
    expect(lines).toEqual(
      expect.arrayContaining([
        'editing --> closed : CANCEL',
        'editing --> closed : done',
        'editing_title --> editing_price : NEXT',
        'editing_price --> editing_saved : NEXT',
        'closed --> [*]',
      ]),
    );
  });
});
