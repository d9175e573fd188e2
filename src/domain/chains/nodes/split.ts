import { z } from 'zod';
import { formatNumber } from '../../text';
import type { NodeIssue } from '../findings';
import { port } from '../ports';
import { labelSchema } from '../schemaParts';
import type { SplitBranch, SplitNode } from '../types';
import { issue, nodeBaseShape } from './common';
import type { NodeModule } from './module';

/**
 * A random split by weights, A/B/n (simulation.md "Split"). Each branch is a port named by its
 * id; a holdout branch is a control group: its customers receive nothing downstream. Weights are
 * percents and must add up to 100.
 */
export const MAX_SPLIT_BRANCHES = 10;
export const BRANCH_ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;
const WEIGHT_TOLERANCE = 1e-6;

const branchSchema: z.ZodType<SplitBranch> = z
  .object({
    id: z.string().regex(BRANCH_ID_PATTERN, 'a branch id is 1–40 letters, digits, - or _'),
    label: labelSchema,
    weight: z.number().min(0, 'at least 0 %').max(100, 'at most 100 %'),
    isHoldout: z.boolean(),
  })
  .strict();

const schema: z.ZodType<SplitNode> = z
  .object({ ...nodeBaseShape('split'), branches: z.array(branchSchema).max(MAX_SPLIT_BRANCHES, `at most ${MAX_SPLIT_BRANCHES} branches`) })
  .strict();

function branchName(branch: SplitBranch): string {
  return branch.label.trim() || branch.id;
}

export function splitWeightTotal(node: SplitNode): number {
  return node.branches.reduce((sum, branch) => sum + branch.weight, 0);
}

function validate(node: SplitNode): NodeIssue[] {
  const issues: NodeIssue[] = [];
  if (node.branches.length < 2) issues.push(issue('split_branches', 'A split needs at least two branches.', 'Сплиту нужно хотя бы две ветки.', 'branches'));
  const seen = new Set<string>();
  node.branches.forEach((branch, index) => {
    if (seen.has(branch.id)) issues.push(issue('split_branches', `Two branches share the id "${branch.id}".`, `У двух веток одинаковый id «${branch.id}».`, `branches.${index}.id`));
    seen.add(branch.id);
    if (branch.weight === 0 && node.branches.length > 1) {
      issues.push(issue('split_weights', `Branch ${branchName(branch)} has weight 0 %: nobody goes there.`, `У ветки ${branchName(branch)} вес 0 %: туда никто не попадёт.`, `branches.${index}.weight`, 'warning'));
    }
  });
  const total = splitWeightTotal(node);
  if (node.branches.length && Math.abs(total - 100) > WEIGHT_TOLERANCE) {
    const shown = formatNumber(total);
    issues.push(issue('split_weights', `Branch weights add up to ${shown.en} %, not 100 %.`, `Веса веток в сумме дают ${shown.ru} %, а не 100 %.`, 'branches'));
  }
  if (node.branches.length > 1 && node.branches.every((branch) => branch.isHoldout)) {
    issues.push(issue('split_branches', 'Every branch is a holdout: nobody after this split receives anything.', 'Все ветки — контрольные: после этого сплита никто ничего не получит.', 'branches', 'warning'));
  }
  return issues;
}

export const splitModule: NodeModule<SplitNode> = {
  kind: 'split',
  name: { en: 'Split', ru: 'Сплит' },
  hasInput: true,
  schema,
  create: (id, position) => ({
    id,
    kind: 'split',
    position,
    label: '',
    branches: [
      { id: 'a', label: 'A', weight: 50, isHoldout: false },
      { id: 'b', label: 'B', weight: 50, isHoldout: false },
    ],
  }),
  outPorts: (node) => node.branches.map((branch) => port(branch.id, branchName(branch), branchName(branch), branch.isHoldout)),
  summary(node) {
    const parts = node.branches.map((branch) => {
      const weight = formatNumber(branch.weight);
      return branch.isHoldout
        ? { en: `${branchName(branch)} (holdout) ${weight.en} %`, ru: `${branchName(branch)} (контроль) ${weight.ru} %` }
        : { en: `${branchName(branch)} ${weight.en} %`, ru: `${branchName(branch)} ${weight.ru} %` };
    });
    return { en: `Split: ${parts.map((part) => part.en).join(' · ')}`, ru: `Сплит: ${parts.map((part) => part.ru).join(' · ')}` };
  },
  validate,
  references: () => [],
  renameEventTypes: (node) => structuredClone(node),
  migrations: [],
};
