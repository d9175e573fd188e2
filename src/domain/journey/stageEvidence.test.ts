import { describe, expect, it } from 'vitest';
import { defaultStageMapping } from './stageMapping';
import { hasBehaviourEvents, stagesWithoutEvidence } from './stageEvidence';

describe('stages without evidence', () => {
  const mapping = defaultStageMapping();

  it('are the stages before the purchase (and advocacy) on an export of orders only', () => {
    expect([...stagesWithoutEvidence(mapping, new Map([['order', 22_062], ['return', 310]]))].sort()).toEqual(['advocacy', 'awareness', 'consideration', 'interest']);
  });

  it('are none on behavioural data', () => {
    const counts = new Map([['page_view', 10], ['cart_add', 3], ['order', 2], ['review', 1]]);
    expect([...stagesWithoutEvidence(mapping, counts)]).toEqual([]);
  });

  it('count a stage in as soon as one of its items occurs, rules included', () => {
    const counts = new Map([['order', 5], ['nps', 2]]);
    expect(stagesWithoutEvidence(mapping, counts).has('advocacy')).toBe(false);
    expect(stagesWithoutEvidence(mapping, counts).has('awareness')).toBe(false);
  });

  it('include a stage with nothing assigned', () => {
    const extra = { ...mapping, stages: [...mapping.stages, { id: 'club', name: 'Club' }] };
    expect(stagesWithoutEvidence(extra, new Map([['page_view', 1], ['order', 1]])).has('club')).toBe(true);
  });

  it('tell an export of orders only from data whose event types are not assigned to the stage', () => {
    expect(hasBehaviourEvents(new Map([['order', 5], ['return', 1]]))).toBe(false);
    expect(hasBehaviourEvents(new Map([['order', 5], ['login', 0]]))).toBe(false);
    // A CRM export with logins and calls: advocacy has no evidence, but not for want of events.
    const counts = new Map([['order', 5], ['login', 24], ['zvonok_v_koll_tsentr', 1]]);
    expect(hasBehaviourEvents(counts)).toBe(true);
    expect(stagesWithoutEvidence(mapping, counts).has('advocacy')).toBe(true);
  });
});
