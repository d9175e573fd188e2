import { z } from 'zod';
import { emptyGroup } from '../../conditions/build';
import { conditionReferences, mapConditionEventTypes } from '../../conditions/references';
import { conditionGroupSchema } from '../../conditions/schema';
import { summarizeCondition } from '../../conditions/summary';
import { validateCondition } from '../../conditions/validate';
import type { NodeIssue } from '../findings';
import { NO_PORT, port, YES_PORT } from '../ports';
import type { FilterNode } from '../types';
import { fromConditionIssues, issue, nodeBaseShape } from './common';
import type { NodeModule } from './module';

/** A condition checked the moment the customer arrives (simulation.md "Filter"): leaves by `yes` or `no`. */
const schema: z.ZodType<FilterNode> = z.object({ ...nodeBaseShape('filter'), condition: conditionGroupSchema }).strict();

function validate(node: FilterNode): NodeIssue[] {
  if (!node.condition.items.length) return [issue('filter_no_conditions', 'A filter without conditions: add at least one.', 'Фильтр без условий: добавьте хотя бы одно.', 'condition')];
  return fromConditionIssues(validateCondition(node.condition, { isInChain: true }, 'condition'), 'condition_incomplete');
}

export const filterModule: NodeModule<FilterNode> = {
  kind: 'filter',
  name: { en: 'Filter', ru: 'Фильтр' },
  hasInput: true,
  schema,
  create: (id, position) => ({ id, kind: 'filter', position, label: '', condition: emptyGroup() }),
  outPorts: () => [port(YES_PORT, 'Yes', 'Да'), port(NO_PORT, 'No', 'Нет')],
  summary(node, names) {
    const condition = summarizeCondition(node.condition, names);
    return { en: `If ${condition.en}`, ru: `Если ${condition.ru}` };
  },
  validate,
  references: (node) => conditionReferences(node.condition, 'condition'),
  renameEventTypes: (node, rename) => ({ ...node, position: { ...node.position }, condition: mapConditionEventTypes(node.condition, rename) }),
  migrations: [],
};
