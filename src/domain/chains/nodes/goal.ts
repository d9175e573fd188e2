import { z } from 'zod';
import type { GoalNode } from '../types';
import { nodeBaseShape } from './common';
import type { NodeModule } from './module';

/** The end of a path (simulation.md "Goal / Exit"): `goal` counts as reaching the chain's purpose, `exit` just ends it. */
const schema: z.ZodType<GoalNode> = z.object({ ...nodeBaseShape('goal'), outcome: z.enum(['goal', 'exit']) }).strict();

export const goalModule: NodeModule<GoalNode> = {
  kind: 'goal',
  name: { en: 'Goal / exit', ru: 'Цель / выход' },
  hasInput: true,
  schema,
  create: (id, position) => ({ id, kind: 'goal', position, label: '', outcome: 'goal' }),
  outPorts: () => [],
  summary: (node) => (node.outcome === 'goal' ? { en: 'Goal reached', ru: 'Цель достигнута' } : { en: 'Exit', ru: 'Выход' }),
  validate: () => [],
  references: () => [],
  renameEventTypes: (node) => structuredClone(node),
  migrations: [],
};
