import type { z } from 'zod';
import { DEFAULT_NAMES, type NameResolver } from '../../conditions/names';
import type { Reference } from '../../conditions/references';
import type { LocalizedText } from '../../text';
import type { NodeIssue } from '../findings';
import type { PortSpec } from '../ports';
import { NODE_KINDS, type ChainNode, type NodeKind, type NodeOfKind, type Position } from '../types';
import { unreachable } from './common';
import { filterModule } from './filter';
import { goalModule } from './goal';
import { messageModule } from './message';
import type { NodeMigration, NodeModule } from './module';
import { splitModule } from './split';
import { timerModule } from './timer';
import { triggerModule } from './trigger';

/**
 * Every node kind's module. Typed with `satisfies` over all kinds, so adding a kind to
 * NODE_KINDS without a module (or with a module of the wrong node type) fails to compile.
 */
export const NODE_MODULES = {
  trigger: triggerModule,
  filter: filterModule,
  split: splitModule,
  timer: timerModule,
  message: messageModule,
  goal: goalModule,
} as const satisfies { [K in NodeKind]: NodeModule<NodeOfKind<K>> };

/** A node together with its module's operations, so callers never switch on the kind themselves. */
export interface NodeOperations {
  node: ChainNode;
  name: LocalizedText;
  hasInput: boolean;
  outPorts(): PortSpec[];
  summary(names?: NameResolver): LocalizedText;
  validate(): NodeIssue[];
  references(): Reference[];
  renameEventTypes(rename: (type: string) => string): ChainNode;
}

function bind<N extends ChainNode>(module: NodeModule<N>, node: N): NodeOperations {
  return {
    node,
    name: module.name,
    hasInput: module.hasInput,
    outPorts: () => module.outPorts(node),
    summary: (names = DEFAULT_NAMES) => module.summary(node, names),
    validate: () => module.validate(node),
    references: () => module.references(node),
    renameEventTypes: (rename) => module.renameEventTypes(node, rename),
  };
}

/** The one switch over node kinds; the `never` branch makes a forgotten kind a compile error. */
export function nodeOperations(node: ChainNode): NodeOperations {
  switch (node.kind) {
    case 'trigger':
      return bind(NODE_MODULES.trigger, node);
    case 'filter':
      return bind(NODE_MODULES.filter, node);
    case 'split':
      return bind(NODE_MODULES.split, node);
    case 'timer':
      return bind(NODE_MODULES.timer, node);
    case 'message':
      return bind(NODE_MODULES.message, node);
    case 'goal':
      return bind(NODE_MODULES.goal, node);
    default:
      return unreachable(node);
  }
}

export function isNodeKind(value: unknown): value is NodeKind {
  return typeof value === 'string' && (NODE_KINDS as readonly string[]).includes(value);
}

/** A new node of `kind` with its defaults (what the palette drops). */
export function createNode(kind: NodeKind, id: string, position: Position): ChainNode {
  return NODE_MODULES[kind].create(id, { ...position });
}

export function nodeSchema(kind: NodeKind): z.ZodType<ChainNode> {
  return NODE_MODULES[kind].schema;
}

export function nodeMigrations(kind: NodeKind): readonly NodeMigration[] {
  return NODE_MODULES[kind].migrations;
}

export function hasInput(kind: NodeKind): boolean {
  return NODE_MODULES[kind].hasInput;
}

export function outPorts(node: ChainNode): PortSpec[] {
  return nodeOperations(node).outPorts();
}

export function nodeSummary(node: ChainNode, names: NameResolver = DEFAULT_NAMES): LocalizedText {
  return nodeOperations(node).summary(names);
}

export function nodeKindName(kind: NodeKind): LocalizedText {
  return NODE_MODULES[kind].name;
}
