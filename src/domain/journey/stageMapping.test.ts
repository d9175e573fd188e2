import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../errors';
import { addStage, assignItem, moveStage, removeStage, renameStage } from './mappingEdits';
import { DEFAULT_STAGE_IDS, defaultStageMapping, mappingItems, parseStageMapping, stageOfItem } from './stageMapping';

describe('default stage mapping', () => {
  it('has the six stages in funnel order and the rfm-cjm.md assignments', () => {
    const mapping = defaultStageMapping();
    expect(mapping.stages.map((stage) => stage.id)).toEqual([...DEFAULT_STAGE_IDS]);
    expect(stageOfItem(mapping, '@first_event')).toBe('awareness');
    expect(stageOfItem(mapping, 'registration')).toBe('awareness');
    expect(stageOfItem(mapping, 'subscribe')).toBe('awareness');
    for (const type of ['page_view', 'category_view', 'product_view', 'search', 'email_open', 'email_click']) expect(stageOfItem(mapping, type)).toBe('interest');
    for (const type of ['cart_add', 'cart_view', 'wishlist', 'checkout']) expect(stageOfItem(mapping, type)).toBe('consideration');
    expect(stageOfItem(mapping, '@first_order')).toBe('purchase');
    expect(stageOfItem(mapping, '@repeat_order')).toBe('retention');
    for (const item of ['review', 'referral', '@nps_promoter']) expect(stageOfItem(mapping, item)).toBe('advocacy');
    expect(stageOfItem(mapping, 'return')).toBeNull();
    expect(stageOfItem(mapping, 'order')).toBeNull();
  });

  it('round-trips through the validator', () => {
    const parsed = parseStageMapping(JSON.parse(JSON.stringify(defaultStageMapping())));
    expect(parsed).toEqual({ ok: true, value: defaultStageMapping() });
  });
});

describe('parseStageMapping', () => {
  const base = () => JSON.parse(JSON.stringify(defaultStageMapping())) as Record<string, unknown> & { stages: { id: string; name?: string }[]; assignments: Record<string, string> };

  it.each([
    ['not an object', 'journey', /value: /],
    ['wrong version', { ...base(), version: 2 }, /^version: /],
    ['no stages', { ...base(), stages: [], assignments: {} }, /^stages: keep at least one stage/],
  ])('rejects %s with where and what', (_name, value, message) => {
    const result = parseStageMapping(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('names the assignment to a stage that does not exist', () => {
    const value = base();
    value.assignments.cart_add = 'checkout_stage';
    expect(parseStageMapping(value)).toEqual({ ok: false, error: 'assignments.cart_add: stage "checkout_stage" does not exist' });
  });

  it('refuses orders as a plain type, unknown rules, duplicate stages and nameless added stages', () => {
    const withOrder = base();
    withOrder.assignments.order = 'purchase';
    expect(parseStageMapping(withOrder)).toMatchObject({ ok: false, error: expect.stringMatching(/^assignments\.order: orders are assigned through/) });
    const withRule = base();
    withRule.assignments['@third_order'] = 'retention';
    expect(parseStageMapping(withRule)).toMatchObject({ ok: false, error: expect.stringContaining('unknown rule "@third_order"') });
    const duplicate = base();
    duplicate.stages.push({ id: 'interest', name: 'Again' });
    expect(parseStageMapping(duplicate)).toMatchObject({ ok: false, error: 'stages.6.id: stage "interest" appears twice' });
    const nameless = base();
    nameless.stages.push({ id: 'loyalty' });
    expect(parseStageMapping(nameless)).toMatchObject({ ok: false, error: 'stages.6.name: added stage "loyalty" needs a name' });
  });
});

describe('mapping edits', () => {
  it('moves an event type from one stage to another and can unassign it', () => {
    const moved = assignItem(defaultStageMapping(), 'cart_add', 'interest');
    expect(stageOfItem(moved, 'cart_add')).toBe('interest');
    expect(stageOfItem(defaultStageMapping(), 'cart_add')).toBe('consideration');
    expect(stageOfItem(assignItem(moved, 'cart_add', null), 'cart_add')).toBeNull();
    expect(stageOfItem(assignItem(moved, 'store_visit', 'awareness'), 'store_visit')).toBe('awareness');
    expect(() => assignItem(moved, 'order', 'purchase')).toThrow(UserFacingError);
    expect(() => assignItem(moved, 'cart_add', 'nowhere')).toThrow(/does not exist/);
  });

  it('renames a stage; an empty name restores a default stage and is refused for an added one', () => {
    const renamed = renameStage(defaultStageMapping(), 'interest', '  Browsing ');
    expect(renamed.stages[1]).toEqual({ id: 'interest', name: 'Browsing' });
    expect(renameStage(renamed, 'interest', ' ').stages[1]).toEqual({ id: 'interest' });
    const { mapping, stageId } = addStage(defaultStageMapping(), 'Loyalty club', 'retention');
    expect(() => renameStage(mapping, stageId, '')).toThrow(/name/);
    expect(() => renameStage(mapping, stageId, 'x'.repeat(41))).toThrow(/too long/);
  });

  it('adds a stage after another with a fresh id, removes it with its items, reorders', () => {
    const first = addStage(defaultStageMapping(), 'Loyalty club', 'retention');
    expect(first.stageId).toBe('stage_1');
    expect(first.mapping.stages.map((stage) => stage.id)).toEqual(['awareness', 'interest', 'consideration', 'purchase', 'retention', 'stage_1', 'advocacy']);
    const second = addStage(first.mapping, 'Win-back');
    expect(second.stageId).toBe('stage_2');
    expect(second.mapping.stages.at(-1)).toEqual({ id: 'stage_2', name: 'Win-back' });
    const withItem = assignItem(second.mapping, 'loyalty_card', 'stage_1');
    const removed = removeStage(withItem, 'stage_1');
    expect(removed.stages.some((stage) => stage.id === 'stage_1')).toBe(false);
    expect(stageOfItem(removed, 'loyalty_card')).toBeNull();
    expect(parseStageMapping(removed).ok).toBe(true);
    const moved = moveStage(defaultStageMapping(), 'interest', -1);
    expect(moved.stages.slice(0, 2).map((stage) => stage.id)).toEqual(['interest', 'awareness']);
    expect(moveStage(defaultStageMapping(), 'awareness', -1)).toEqual(defaultStageMapping());
  });

  it('keeps at least one stage and at most twelve', () => {
    let mapping = defaultStageMapping();
    for (const id of DEFAULT_STAGE_IDS.slice(1)) mapping = removeStage(mapping, id);
    expect(() => removeStage(mapping, 'awareness')).toThrow(/at least one/);
    let full = defaultStageMapping();
    for (let i = 0; i < 6; i++) full = addStage(full, `Extra ${i}`).mapping;
    expect(() => addStage(full, 'One too many')).toThrow(/At most 12/);
  });
});

describe('mappingItems', () => {
  it('lists the rules, then the workspace types without order, plus types only the mapping knows', () => {
    const mapping = assignItem(defaultStageMapping(), 'quiz_done', 'interest');
    const items = mappingItems(mapping, ['order', 'page_view', 'return', 'app_open']);
    expect(items.slice(0, 4)).toEqual(['@first_event', '@first_order', '@repeat_order', '@nps_promoter']);
    expect(items).not.toContain('order');
    expect(items).toEqual(expect.arrayContaining(['page_view', 'return', 'app_open', 'quiz_done', 'cart_add']));
  });
});
