import { describe, expect, it } from 'vitest';
import { defaultInactionSettings, INACTION_LISTS } from '../../journey/inaction';
import { DEFAULT_STAGE_IDS, defaultStageMapping } from '../../journey/stageMapping';
import { summarizeCondition } from '../../conditions/summary';
import { TEXT_LANGUAGES } from '../../text';
import { smsParts } from '../nodes/message';
import { chainEventTypes } from '../eventTypes';
import { demoVocabulary } from '../testing';
import type { Chain, MessageNode, TimerNode, TriggerNode } from '../types';
import { validateChain } from '../validator';
import { buildTemplate, CHAIN_TEMPLATES, chainForInaction, inactionCondition, matchTemplateEventTypes } from './index';

const vocabulary = demoVocabulary(1000);
const messages = (chain: Chain) => chain.nodes.filter((node): node is MessageNode => node.kind === 'message');
const node = <N>(chain: Chain, id: string) => chain.nodes.find((item) => item.id === id) as N;

describe('built-in templates', () => {
  it('are the textbook set, with kebab-case English ids', () => {
    expect(CHAIN_TEMPLATES.map((template) => template.id)).toEqual([
      'welcome-series',
      'browse-abandonment',
      'abandoned-cart',
      'abandoned-cart-split',
      'post-purchase-cross-sell',
      'birthday',
      'reactivation',
      'win-back-at-risk',
      'vip-champions',
      'one-off-promo',
    ]);
    for (const template of CHAIN_TEMPLATES) expect(template.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it.each(CHAIN_TEMPLATES.flatMap((template) => TEXT_LANGUAGES.map((language) => [template.id, language] as const)))('%s (%s) is complete and valid on the demo data, without a single warning', (id, language) => {
    const chain = buildTemplate(id, language);
    expect(validateChain(chain, { vocabulary })).toEqual([]);
    expect(chain.templateId).toBe(id);
    expect(DEFAULT_STAGE_IDS).toContain(chain.stage);
    expect(chain.description).toMatch(language === 'ru' ? /^Учебник \(/ : /^Textbook \(/);
    for (const message of messages(chain)) {
      const text = `${message.content.subject} ${message.content.body}`;
      expect(/[а-яё]/i.test(text), message.id).toBe(language === 'ru');
      if (message.channel === 'sms') expect(smsParts(message.content.body), message.id).toBe(1);
    }
  });

  it('are laid out top-down with nothing on top of anything else', () => {
    for (const template of CHAIN_TEMPLATES) {
      const chain = template.build({ language: 'en' });
      const at = new Map(chain.nodes.map((item) => [item.id, item.position]));
      for (const edge of chain.edges) expect(at.get(edge.target)!.y, `${template.id} ${edge.id}`).toBeGreaterThan(at.get(edge.source)!.y);
      expect(new Set(chain.nodes.map((item) => `${item.position.x},${item.position.y}`)).size).toBe(chain.nodes.length);
    }
  });

  it('welcome series: four letters on every path', () => {
    const chain = buildTemplate('welcome-series', 'en');
    expect(messages(chain)).toHaveLength(5);
    const onPath = (last: string) => ['welcome', 'bestsellers', 'guide', last];
    for (const last of ['thanks', 'code_expires']) for (const id of onPath(last)) expect(node(chain, id)).toBeDefined();
  });

  it('abandoned cart: 30 minutes, a day with a bonus, three days with a new offer; an order ends it', () => {
    const chain = buildTemplate('abandoned-cart', 'ru');
    const waits = chain.nodes.filter((item): item is TimerNode => item.kind === 'timer').map((item) => item.timer.type === 'waitFor' && `${item.timer.timeout.amount} ${item.timer.timeout.unit}`);
    expect(waits).toEqual(['30 minutes', '1 days', '2 days']);
    expect(messages(chain).map((message) => message.offer?.type ?? null)).toEqual([null, 'bonus_points', 'discount_percent']);
    expect(chain.settings.goal).toMatchObject({ isEnabled: true, exitOnGoal: true, event: { types: ['order'] } });
    expect(messages(chain)[0]!.content.subject).toBe('Вы забыли товар в корзине');
  });

  it('the others do what their names say', () => {
    const split = buildTemplate('abandoned-cart-split', 'en');
    expect(summarizeCondition(node<{ condition: never }>(split, 'visited_cart').condition).en).toBe('did cart_view since entering the chain');
    const reactivation = buildTemplate('reactivation', 'en');
    expect(node<TriggerNode>(reactivation, 'no_order_30').trigger).toEqual({ type: 'inactivity', event: { types: ['order'], where: [] }, days: 30 });
    expect(reactivation.edges.filter((edge) => edge.sourcePort === 'timeout').map((edge) => node<MessageNode>(reactivation, edge.target).channel)).toEqual(['sms', 'push', 'sms']);
    const birthday = buildTemplate('birthday', 'en');
    expect(node<TriggerNode>(birthday, 'before_birthday').trigger).toMatchObject({ type: 'date', field: 'birthDate', offsetDays: -3, repeat: 'yearly' });
    expect(buildTemplate('win-back-at-risk', 'en').nodes.find((item) => item.kind === 'split')).toMatchObject({ branches: [{ weight: 90, isHoldout: false }, { weight: 10, isHoldout: true }] });
    expect(node<TriggerNode>(buildTemplate('vip-champions', 'en'), 'became_champion').trigger).toEqual({ type: 'segment', segment: { type: 'rfmSegment', segment: 'champions' } });
    expect(node<TriggerNode>(buildTemplate('one-off-promo', { language: 'en', audienceAt: '2026-09-01T12:00' }), 'audience').trigger).toMatchObject({ type: 'audience', at: '2026-09-01T12:00' });
    expect(buildTemplate('reactivation', { language: 'en', chainId: 'mine' }).id).toBe('mine');
    expect(() => buildTemplate('nope', 'en')).toThrow(/unknown chain template/);
  });
});

describe('matching template event types to a workspace', () => {
  const foreign = { eventTypes: ['added_to_cart', 'purchase', 'view_item', 'cart_vieww', 'subscribed', 'email_opened'].map((name, index) => ({ name, count: 100 - index })) };

  it('keeps exact names on the demo data', () => {
    const result = matchTemplateEventTypes(buildTemplate('abandoned-cart-split', 'en'), vocabulary);
    expect(result.matches.map((match) => `${match.from}:${match.how}`)).toEqual(['cart_add:exact', 'order:exact', 'cart_view:exact']);
    expect(result.unmatched).toEqual([]);
  });

  it('maps aliases and very similar names, and flags the rest instead of keeping them silently', () => {
    const result = matchTemplateEventTypes(buildTemplate('abandoned-cart-split', 'en'), foreign);
    expect(result.matches).toEqual([
      { from: 'cart_add', to: 'added_to_cart', how: 'alias' },
      { from: 'order', to: 'purchase', how: 'alias' },
      { from: 'cart_view', to: 'cart_vieww', how: 'similar' },
    ]);
    expect(chainEventTypes(result.chain)).toEqual(['added_to_cart', 'purchase', 'cart_vieww']);
    const browse = matchTemplateEventTypes(buildTemplate('browse-abandonment', 'en'), { eventTypes: [{ name: 'view_item', count: 5 }, { name: 'orders_total', count: 1 }] });
    expect(browse.unmatched).toEqual([
      { type: 'cart_add', suggestions: [], isProjected: false },
      { type: 'order', suggestions: ['orders_total'], isProjected: false },
    ]);
    expect(chainEventTypes(browse.chain)).toEqual(['view_item', 'cart_add', 'order']);
  });

  it('flags response events as supplied by the projection, and takes the user\'s own choices', () => {
    const reactivation = matchTemplateEventTypes(buildTemplate('reactivation', 'en'), { eventTypes: [{ name: 'purchase', count: 9 }] });
    expect(reactivation.unmatched).toEqual([{ type: 'email_open', suggestions: [], isProjected: true }]);
    const chosen = matchTemplateEventTypes(buildTemplate('reactivation', 'en'), foreign, { order: 'purchase', email_open: 'email_opened' });
    expect(chosen.matches).toEqual([
      { from: 'order', to: 'purchase', how: 'chosen' },
      { from: 'email_open', to: 'email_opened', how: 'chosen' },
    ]);
  });
});

describe('a chain from an inaction list', () => {
  const settings = { ...defaultInactionSettings(), considerationDays: 14, repeatAfterDays: 45 };
  const options = { language: 'en' as const, settings, stageMapping: defaultStageMapping(), at: '2026-10-31T10:00' };

  it.each(INACTION_LISTS)('%s opens the matching template, entered once by the list, valid on the demo data', (list) => {
    const result = chainForInaction(list, options);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(validateChain(result.chain, { vocabulary })).toEqual([]);
    const [trigger, ...others] = result.chain.nodes.filter((item): item is TriggerNode => item.kind === 'trigger');
    expect(others).toEqual([]);
    expect(trigger!.trigger).toMatchObject({ type: 'audience', at: '2026-10-31T10:00' });
    expect(result.chain.description).toMatch(/^Made from the inaction list/);
  });

  it('fills in the list\'s condition', () => {
    const say = (list: (typeof INACTION_LISTS)[number]) => {
      const found = inactionCondition(list, settings, defaultStageMapping());
      return found.ok ? summarizeCondition(found.condition).en : found.message.en;
    };
    expect(say('considered_not_bought')).toBe('did cart_add or cart_view or wishlist or checkout in the last 14 days and orders ever = 0');
    expect(say('one_order_no_repeat')).toBe('orders ever = 1 and days since the last order ≥ 45');
    expect(say('subscribed_no_order')).toBe('did not do unsubscribe ever and (did subscribe ever or email consent: yes) and orders ever = 0');
    expect(chainForInaction('one_order_no_repeat', options)).toMatchObject({ ok: true, templateId: 'post-purchase-cross-sell', approximations: [] });
  });

  it('says when it cannot', () => {
    const mapping = defaultStageMapping();
    for (const item of ['cart_add', 'cart_view', 'wishlist', 'checkout']) delete mapping.assignments[item];
    expect(chainForInaction('considered_not_bought', { ...options, stageMapping: mapping })).toMatchObject({ ok: false, message: { en: expect.stringMatching(/no event types to Consideration/) } });
    expect(chainForInaction('one_order_no_repeat', { ...options, at: '2026-02-30T10:00' })).toMatchObject({ ok: false });
  });
});
