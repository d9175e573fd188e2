import { events } from '../../conditions/build';
import type { ConditionGroup, EventMatch } from '../../conditions/types';
import type { LocalizedText, TextLanguage } from '../../text';
import { createChain } from '../chain';
import { CHANNEL_DEFAULT_COST } from '../channels';
import { layoutTopDown } from '../layout';
import type { ChainTemplate, TemplateOptions } from './types';
import type { Chain, ChainNode, ChainSettings, Duration, GoalNode, MessageChannel, Offer, SplitBranch, TimeWindow, TriggerRule } from '../types';

/**
 * A small builder for chains written in code (the templates): nodes are added in reading order
 * and linked by port; texts come in both languages and the builder keeps the chosen one.
 */
export interface MessageSpec {
  channel: MessageChannel;
  subject?: LocalizedText;
  body: LocalizedText;
  offer?: Offer;
  cost?: number;
  label?: LocalizedText;
  onSuppressed?: 'continue' | 'exit';
}

export class ChainBuilder {
  private readonly chain: Chain;
  private readonly language: TextLanguage;

  constructor(id: string, name: LocalizedText, language: TextLanguage) {
    this.language = language;
    this.chain = createChain(id, name[language]);
  }

  /** A template's chain: its name, journey stage and the textbook rule it follows (`rule`) as its description. */
  static forTemplate(template: Pick<ChainTemplate, 'id' | 'name' | 'stage'>, rule: LocalizedText, { language, chainId }: Pick<TemplateOptions, 'language' | 'chainId'>): ChainBuilder {
    return new ChainBuilder(chainId ?? template.id, template.name, language).describe(template.stage, rule, template.id);
  }

  text(value: LocalizedText): string {
    return value[this.language];
  }

  describe(stage: string, description: LocalizedText, templateId: string): this {
    this.chain.stage = stage;
    this.chain.description = description[this.language];
    this.chain.templateId = templateId;
    return this;
  }

  settings(change: (settings: ChainSettings) => void): this {
    change(this.chain.settings);
    return this;
  }

  /**
   * The settings the textbook's chains share: how a customer may enter again, the goal "placed an
   * order" counted for `attributionDays`, and (when given) a cap of `weeklyCap` messages per
   * rolling 7 days.
   */
  orderGoal({ reEntry, attributionDays, exitOnGoal, weeklyCap }: { reEntry: Partial<ChainSettings['reEntry']>; attributionDays: number; exitOnGoal: boolean; weeklyCap?: number }): this {
    return this.settings((settings) => {
      settings.reEntry = { ...settings.reEntry, ...reEntry };
      settings.goal = { isEnabled: true, event: events('order'), attributionDays, exitOnGoal };
      if (weeklyCap !== undefined) settings.frequencyCap = { isEnabled: true, messages: weeklyCap, days: 7, window: 'rolling' };
    });
  }

  private add<N extends ChainNode>(node: N): string {
    this.chain.nodes.push(node);
    return node.id;
  }

  private base(id: string, label?: LocalizedText) {
    return { id, position: { x: 0, y: 0 }, label: label ? this.text(label) : '' };
  }

  trigger(id: string, trigger: TriggerRule, label?: LocalizedText): string {
    return this.add({ ...this.base(id, label), kind: 'trigger', trigger });
  }

  filter(id: string, condition: ConditionGroup, label?: LocalizedText): string {
    return this.add({ ...this.base(id, label), kind: 'filter', condition });
  }

  split(id: string, branches: (Omit<SplitBranch, 'label'> & { label: LocalizedText })[], label?: LocalizedText): string {
    return this.add({ ...this.base(id, label), kind: 'split', branches: branches.map((branch) => ({ ...branch, label: this.text(branch.label) })) });
  }

  delay(id: string, duration: Duration, label?: LocalizedText): string {
    return this.add({ ...this.base(id, label), kind: 'timer', timer: { type: 'delay', duration } });
  }

  until(id: string, window: TimeWindow, label?: LocalizedText): string {
    return this.add({ ...this.base(id, label), kind: 'timer', timer: { type: 'until', window } });
  }

  waitFor(id: string, event: EventMatch, timeout: Duration, label?: LocalizedText): string {
    return this.add({ ...this.base(id, label), kind: 'timer', timer: { type: 'waitFor', event, timeout } });
  }

  message(id: string, spec: MessageSpec): string {
    return this.add({
      ...this.base(id, spec.label),
      kind: 'message',
      channel: spec.channel,
      content: { subject: spec.subject ? this.text(spec.subject) : '', body: this.text(spec.body) },
      offer: spec.offer ?? null,
      cost: spec.cost ?? CHANNEL_DEFAULT_COST[spec.channel],
      responses: null,
      orderValue: null,
      onSuppressed: spec.onSuppressed ?? 'continue',
    });
  }

  email(id: string, spec: Omit<MessageSpec, 'channel'>): string {
    return this.message(id, { channel: 'email', ...spec });
  }

  goal(id: string, outcome: GoalNode['outcome'], label: LocalizedText): string {
    return this.add({ ...this.base(id, label), kind: 'goal', outcome });
  }

  /** Links `from` by `port` to `to`. */
  link(from: string, port: string, to: string): this {
    this.chain.edges.push({ id: `${from}-${port}-${to}`, source: from, sourcePort: port, target: to });
    return this;
  }

  /** Links a wait-for timer's two ways out: the event happened, or the time ran out. */
  onEvent(wait: string, happened: string, timeout: string): this {
    return this.link(wait, 'happened', happened).link(wait, 'timeout', timeout);
  }

  /** Links a filter's two ways out. */
  yesNo(filter: string, yes: string, no: string): this {
    return this.link(filter, 'yes', yes).link(filter, 'no', no);
  }

  /** Links a run of single-port nodes: path(a, b, c) = a.out → b.out → c. */
  path(...ids: string[]): this {
    for (let index = 1; index < ids.length; index++) this.link(ids[index - 1]!, 'out', ids[index]!);
    return this;
  }

  build(): Chain {
    return layoutTopDown(this.chain);
  }
}

/** Both languages of a text. */
export function t(en: string, ru: string): LocalizedText {
  return { en, ru };
}
