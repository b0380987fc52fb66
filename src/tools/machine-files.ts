/**
 * Finds the flow machines: every `src/machines/*.machine.ts` and the state
 * machines it exports. The developer tools discover machines this way, so a
 * new flow shows up in the diagrams and the coverage report without a list
 * to keep up to date.
 */
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type AnyStateMachine, StateMachine } from 'xstate';

/** The project's root folder (this file is src/tools/machine-files.ts). */
export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');

/** Where the flow machines live. */
export const MACHINES_DIR = join(PROJECT_ROOT, 'src', 'machines');

export interface MachineFile {
  /** The machine's id (its config's `id`). */
  id: string;
  /** The file, relative to the project root, with forward slashes. */
  file: string;
  /** The name the file exports it under. */
  exportName: string;
  machine: AnyStateMachine;
}

/** The machine files, sorted by name. */
export function machineFileNames(dir = MACHINES_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.machine.ts'))
    .sort();
}

/**
 * Imports every machine file and returns the state machines it exports,
 * sorted by id. A machine file exporting no machine, or two machines with the
 * same id, is an error: the docs and the coverage report are keyed by id.
 */
export async function loadMachines(dir = MACHINES_DIR): Promise<MachineFile[]> {
  const found: MachineFile[] = [];
  for (const name of machineFileNames(dir)) {
    const path = join(dir, name);
    const module = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
    const file = relative(PROJECT_ROOT, path).split('\\').join('/');
    const before = found.length;
    for (const [exportName, value] of Object.entries(module)) {
      if (value instanceof StateMachine) found.push({ id: value.id, file, exportName, machine: value });
    }
    if (found.length === before) throw new Error(`${file} exports no state machine`);
  }
  const byId = new Map<string, MachineFile>();
  for (const entry of found) {
    const other = byId.get(entry.id);
    if (other) throw new Error(`machine id "${entry.id}" is used by ${other.file} and ${entry.file}`);
    byId.set(entry.id, entry);
  }
  return found.sort((a, b) => a.id.localeCompare(b.id));
}
