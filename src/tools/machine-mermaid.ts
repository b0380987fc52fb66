/**
 * A flow machine as a Mermaid `stateDiagram-v2` (GitHub renders it): states
 * (nested ones inside their parent), transitions labelled `EVENT [guard]`,
 * the answers of invoked actors as `✓ actor` / `✗ actor`, invoked actors as
 * notes, final states leading to `[*]`. Transitions the root answers in every
 * state (CANCEL) would draw an arrow from each state; they are one note on
 * their target instead.
 */
import type { AnyStateMachine, AnyStateNode, AnyTransitionDefinition } from 'xstate';
import { actorName, eventLabel } from './machine-graph.ts';
import { guardName } from './machine-json.ts';

/** Words Mermaid's state diagrams read as syntax: a state named so gets another id (and its name as label). */
const RESERVED = new Set(
  'state note end as direction classdef class style click scale hide acctitle accdescr left right of fork join choice concurrent default'.split(
    ' ',
  ),
);

/** Mermaid's name for a state: its path, `_`-joined, in the characters Mermaid takes, never a keyword. */
function mermaidId(node: AnyStateNode): string {
  const id = node.path.join('_').replace(/[^A-Za-z0-9_]/g, '_');
  return RESERVED.has(id.toLowerCase()) ? `${id}_` : id;
}

/** A label without the characters that end or escape a Mermaid statement. */
const clean = (text: string) => text.replace(/[:;#\n]/g, ' ').trim();

/** `EVENT [guard]`; an unguarded candidate after guarded ones is `EVENT [else]`. */
function transitionLabel(
  node: AnyStateNode,
  eventType: string,
  transition: AnyTransitionDefinition,
  index: number,
): string {
  const guard =
    transition.guard !== undefined ? ` [${guardName(transition.guard)}]` : index > 0 ? ' [else]' : '';
  return clean(`${eventLabel(node, eventType)}${guard}`);
}

/** The machine's state diagram, as the text inside a ```mermaid block. */
export function machineMermaid(machine: AnyStateMachine): string {
  const lines = ['stateDiagram-v2'];
  const root = machine.root;

  const declare = (node: AnyStateNode, indent: string) => {
    const children = Object.values(node.states);
    const id = mermaidId(node);
    if (node !== root) {
      // Every state is declared, so one that no arrow reaches still shows.
      const name = id === node.key ? id : `state "${node.key}" as ${id}`;
      lines.push(children.length > 0 ? `${indent}state "${node.key}" as ${id} {` : `${indent}${name}`);
    }
    const inner = node === root ? indent : `${indent}  `;
    const initial = node.initial?.target?.[0];
    if (node.type === 'compound' && initial) lines.push(`${inner}[*] --> ${mermaidId(initial)}`);
    for (const child of children) declare(child, inner);
    for (const child of children) {
      if (child.type === 'final') lines.push(`${inner}${mermaidId(child)} --> [*]`);
    }
    if (node !== root && children.length > 0) lines.push(`${indent}}`);
  };
  declare(root, '  ');

  const edges = (node: AnyStateNode) => {
    const lists: [string, readonly AnyTransitionDefinition[]][] = [...node.transitions];
    if (node.always?.length) lists.push(['', node.always]);
    for (const [eventType, list] of lists) {
      for (const [index, transition] of list.entries()) {
        const label = transitionLabel(node, eventType, transition, index);
        const targets = transition.target?.length ? transition.target : [node];
        for (const target of targets) {
          if (node === root) {
            const stays = target === root;
            const text = stays ? `${label} in every state (stays)` : `${label} from every state`;
            lines.push(`  note left of ${mermaidId(stays ? initialOf(root) : target)} : ${clean(text)}`);
          } else {
            lines.push(`  ${mermaidId(node)} --> ${mermaidId(target)} : ${label}`);
          }
        }
      }
    }
    for (const child of Object.values(node.states)) edges(child);
  };
  edges(root);

  const notes = (node: AnyStateNode) => {
    if (node.invoke.length > 0) {
      const actors = node.invoke.map((invoke) => actorName(invoke.src)).join(', ');
      lines.push(`  note right of ${mermaidId(node)} : invokes ${clean(actors)}`);
    }
    for (const child of Object.values(node.states)) notes(child);
  };
  for (const child of Object.values(root.states)) notes(child);
  return `${lines.join('\n')}\n`;
}

function initialOf(node: AnyStateNode): AnyStateNode {
  const initial = node.initial?.target?.[0];
  if (!initial) throw new Error(`${node.id} has no initial state`);
  return initial;
}
