/**
 * The parts of a run report (cli.md "simulate" — the `--json` of `chainlab simulate`, built by
 * src/domain/simulation/report.ts) that the Runs view models read. Structural on purpose: only
 * the fields used here, so the real report (which has more) is accepted as it is, and a report
 * read back from a file or an older run that lacks an optional part still works.
 *
 * Money is in currency units (decimals), as the report prints it.
 */
export type CountRecord = Readonly<Record<string, number>>;

/** One node's figures (cli.md: `entered = Σ left + waiting + ended`). */
export interface NodeFigures {
  entered: number;
  left: CountRecord;
  waiting: number;
  ended: number;
  /** messages a guard stopped, by reason (triggers: entries refused by re-entry rules) */
  suppressed: CountRecord;
  /** messages sent, by channel */
  sent: CountRecord;
  /** messages not sent because the customer is in the control group or a holdout branch */
  withheld?: CountRecord;
  conversions?: number;
}

export interface GroupFigures {
  customers: number;
  /** customers who converted within the chain's window */
  converted: number;
}

export interface ChainFigures {
  id: string;
  name: string;
  nodes: Readonly<Record<string, NodeFigures>>;
  edges: CountRecord;
  treatment?: GroupFigures;
  control?: GroupFigures;
}

export interface DayFigures {
  date: string;
  entries: number;
  messages: CountRecord;
  conversions: number;
  cost: number;
  revenue?: number;
  suppressed?: number;
  projected?: { conversions: number; revenue: number };
}

export interface TotalFigures {
  customersReached: number;
  messages: number;
  suppressed: number;
  cost: number;
  conversions: number;
  revenue: number;
  sent?: CountRecord;
  projected?: { conversions: number; revenue: number };
}

export interface RunReport {
  period: { from: string; to: string };
  chains: readonly ChainFigures[];
  days: readonly DayFigures[];
  totals: TotalFigures;
  overlap?: { capHits: number };
  inputs?: { projection: boolean; fingerprint?: string };
}

export function sumOf(record: CountRecord | undefined): number {
  let total = 0;
  for (const value of Object.values(record ?? {})) total += value;
  return total;
}

/** A user-visible text as an i18n key and its parameters: the screens translate it (en, ru). */
export interface RunsText<Key extends string = string> {
  key: Key;
  params: Readonly<Record<string, string | number>>;
}

export function runsText<Key extends string>(key: Key, params: Record<string, string | number> = {}): RunsText<Key> {
  return { key, params };
}
