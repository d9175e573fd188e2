import type { LocalizedText } from '../text';
import { attrName, isProfileField } from './names';
import { MAX_GROUP_DEPTH, SINGLE_VALUE_FIELD_OPS, VALUELESS_FIELD_OPS, type Condition, type EventMatch, type FieldOp, type NumberTest } from './types';

/**
 * Completeness rules of the condition language, beyond its schema: what a half-built condition
 * still lacks ("choose a segment"), with where it sits. The chain validator turns these into
 * findings on the node that holds the condition; the audience editor (issue 15) shows them too.
 */
export interface ConditionIssue {
  code: ConditionIssueCode;
  severity: 'error' | 'warning';
  path: string;
  message: LocalizedText;
}

export type ConditionIssueCode =
  | 'empty_group'
  | 'too_deep'
  | 'no_field'
  | 'unknown_field'
  | 'no_value'
  | 'bad_range'
  | 'no_choice'
  | 'since_entry_outside_chain'
  | 'no_prop_key';

export interface ConditionContext {
  /** "since entering the chain" only means something inside a chain. */
  isInChain: boolean;
}

function join(path: string, key: string | number): string {
  return path ? `${path}.${key}` : String(key);
}

function issue(code: ConditionIssueCode, path: string, en: string, ru: string, severity: 'error' | 'warning' = 'error'): ConditionIssue {
  return { code, severity, path, message: { en, ru } };
}

function numberTestIssues(test: NumberTest, path: string): ConditionIssue[] {
  if (test.op === 'between' && test.to !== undefined && test.to < test.value) {
    return [issue('bad_range', join(path, 'to'), `The range ${test.value}–${test.to} is empty: the upper bound is below the lower one.`, `Диапазон ${test.value}–${test.to} пуст: верхняя граница меньше нижней.`)];
  }
  return [];
}

function fieldValueIssues(op: FieldOp, values: readonly string[], path: string): ConditionIssue[] {
  if (VALUELESS_FIELD_OPS.includes(op)) return [];
  const filled = values.filter((value) => value.trim() !== '');
  if (filled.length === 0) return [issue('no_value', join(path, 'values'), 'Enter a value to compare with.', 'Укажите значение для сравнения.')];
  if (SINGLE_VALUE_FIELD_OPS.includes(op) && filled.length > 1) return [issue('no_value', join(path, 'values'), 'This comparison takes one value.', 'Это сравнение принимает одно значение.')];
  return [];
}

export function validateEventMatch(match: EventMatch, path: string): ConditionIssue[] {
  const issues: ConditionIssue[] = [];
  match.where.forEach((condition, index) => {
    const at = join(join(path, 'where'), index);
    if (condition.type === 'amount') issues.push(...numberTestIssues(condition.compare, join(at, 'compare')));
    else {
      if (!condition.key.trim()) issues.push(issue('no_prop_key', join(at, 'key'), 'Choose the event property to check.', 'Выберите свойство события для проверки.'));
      issues.push(...fieldValueIssues(condition.op, condition.values, at));
    }
  });
  return issues;
}

function fieldIssues(field: string, path: string): ConditionIssue[] {
  if (!field.trim()) return [issue('no_field', join(path, 'field'), 'Choose a profile field.', 'Выберите поле профиля.')];
  if (!isProfileField(field) && attrName(field) === null) {
    return [issue('unknown_field', join(path, 'field'), `"${field}" is not a profile field; other columns are named attrs.<column>.`, `«${field}» — не поле профиля; остальные колонки называются attrs.<колонка>.`)];
  }
  return [];
}

function choiceIssue(isEmpty: boolean, path: string, en: string, ru: string): ConditionIssue[] {
  return isEmpty ? [issue('no_choice', path, en, ru)] : [];
}

function leafIssues(condition: Exclude<Condition, { type: 'group' }>, path: string, context: ConditionContext): ConditionIssue[] {
  switch (condition.type) {
    case 'field':
      return [...fieldIssues(condition.field, path), ...fieldValueIssues(condition.op, condition.values, path)];
    case 'consent':
      return choiceIssue(!condition.states.length, join(path, 'states'), 'Choose the consent states that match.', 'Выберите подходящие состояния согласия.');
    case 'contact':
      return [];
    case 'rfmSegment':
      return choiceIssue(!condition.segments.length, join(path, 'segments'), 'Choose at least one RFM segment.', 'Выберите хотя бы один RFM-сегмент.');
    case 'lifecycle':
      return choiceIssue(!condition.statuses.length, join(path, 'statuses'), 'Choose at least one lifecycle status.', 'Выберите хотя бы один статус жизненного цикла.');
    case 'stage':
      return choiceIssue(!condition.stages.length, join(path, 'stages'), 'Choose at least one journey stage.', 'Выберите хотя бы один этап пути клиента.');
    case 'rfmScore':
    case 'totalSpend':
    case 'orderCount':
    case 'daysSinceLastOrder':
      return numberTestIssues(condition.compare, join(path, 'compare'));
    case 'categorySpend':
      return [
        ...(condition.key.trim() ? [] : [issue('no_prop_key', join(path, 'key'), 'Choose the order property that holds the category.', 'Выберите свойство заказа, в котором категория.')]),
        ...choiceIssue(!condition.values.length, join(path, 'values'), 'Choose at least one category.', 'Выберите хотя бы одну категорию.'),
        ...numberTestIssues(condition.compare, join(path, 'compare')),
      ];
    case 'daysSinceLastEvent':
      return [...validateEventMatch(condition.event, join(path, 'event')), ...numberTestIssues(condition.compare, join(path, 'compare'))];
    case 'eventCount':
      return validateEventMatch(condition.event, join(path, 'event'));
    case 'audience':
      return choiceIssue(!condition.audienceId, join(path, 'audienceId'), 'Choose a saved audience.', 'Выберите сохранённую аудиторию.');
    case 'eventSinceEntry':
      return [
        ...(context.isInChain ? [] : [issue('since_entry_outside_chain', path, '"Since entering the chain" only works inside a chain.', '«После входа в цепочку» работает только внутри цепочки.')]),
        ...validateEventMatch(condition.event, join(path, 'event')),
      ];
    default:
      return unreachable(condition);
  }
}

function unreachable(value: never): never {
  throw new Error(`unknown condition ${JSON.stringify(value)}`);
}

function groupIssues(condition: Condition, path: string, depth: number, context: ConditionContext): ConditionIssue[] {
  if (condition.type !== 'group') return leafIssues(condition, path, context);
  if (depth > MAX_GROUP_DEPTH) return [issue('too_deep', path, `Groups nest at most ${MAX_GROUP_DEPTH} levels deep.`, `Группы вкладываются не глубже ${MAX_GROUP_DEPTH} уровней.`)];
  if (!condition.items.length) {
    return depth === 1
      ? [issue('empty_group', path, 'No condition yet: add at least one.', 'Условий пока нет: добавьте хотя бы одно.')]
      : [issue('empty_group', path, 'An empty group: add a condition to it or remove it.', 'Пустая группа: добавьте в неё условие или удалите её.')];
  }
  return condition.items.flatMap((item, index) => groupIssues(item, join(join(path, 'items'), index), depth + 1, context));
}

/** Every completeness issue of a condition (the top group is depth 1). */
export function validateCondition(condition: Condition, context: ConditionContext, path = ''): ConditionIssue[] {
  return groupIssues(condition, path, 1, context);
}
