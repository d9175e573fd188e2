import type { z } from 'zod';
import type { NameResolver } from '../../conditions/names';
import type { Reference } from '../../conditions/references';
import type { LocalizedText } from '../../text';
import type { NodeIssue } from '../findings';
import type { PortSpec } from '../ports';
import type { ChainNode, Position } from '../types';

/** A node as read from a file or storage, before migration and validation. */
export type RawNode = Record<string, unknown>;

/**
 * A numbered migration of one node kind: turns a node of chain format `version − 1` into
 * `version`. Ids are stable names ("timer/2-wait-for-several-events") for reports and the test
 * that proves every migration ran.
 */
export interface NodeMigration {
  id: string;
  version: number;
  migrate(node: RawNode): RawNode;
}

/**
 * Everything the app, the validator and the simulator need to know about one node kind. One
 * module per kind (nodes/<kind>.ts), listed in the registry typed so a missing kind fails to
 * compile.
 */
export interface NodeModule<N extends ChainNode> {
  kind: N['kind'];
  /** the palette's name of the kind */
  name: LocalizedText;
  /** false only for triggers: nothing leads into them */
  hasInput: boolean;
  /** the current version's shape */
  schema: z.ZodType<N>;
  /** a new node with the kind's defaults (what the palette drops) */
  create(id: string, position: Position): N;
  outPorts(node: N): PortSpec[];
  /** what the node does, in plain words, for its card ("Wait 3 days") */
  summary(node: N, names: NameResolver): LocalizedText;
  /** the node's own completeness rules (graph rules live in the validator) */
  validate(node: N): NodeIssue[];
  /** event types, props, fields, segments and stages it names, with paths inside the node */
  references(node: N): Reference[];
  /** a copy with event types renamed (template matching) */
  renameEventTypes(node: N, rename: (type: string) => string): N;
  migrations: readonly NodeMigration[];
}
