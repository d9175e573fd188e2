import { z } from 'zod';
import type { ConditionIssue } from '../../conditions/validate';
import type { FindingCode, NodeIssue } from '../findings';
import { idSchema, labelSchema, positionSchema } from '../schemaParts';

/** Pieces every node module uses. */
export function nodeBaseShape<K extends string>(kind: K) {
  return { id: idSchema, kind: z.literal(kind), position: positionSchema, label: labelSchema };
}

export function issue(code: FindingCode, en: string, ru: string, path?: string, severity: 'error' | 'warning' = 'error'): NodeIssue {
  return path === undefined ? { code, severity, message: { en, ru } } : { code, severity, message: { en, ru }, path };
}

/** Condition-language issues as the node's findings. */
export function fromConditionIssues(issues: readonly ConditionIssue[], code: FindingCode): NodeIssue[] {
  return issues.map((item) => ({ code, severity: item.severity, message: item.message, path: item.path }));
}

export function prefixPath(prefix: string, path: string): string {
  return path ? `${prefix}.${path}` : prefix;
}

export function unreachable(value: never): never {
  throw new Error(`unexpected value ${JSON.stringify(value)}`);
}
