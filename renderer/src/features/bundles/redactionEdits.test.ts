import { describe, expect, it } from 'vitest';
import type { BundlePlan, BundleRedactionOptions, PlannedRedaction } from '../../../../shared/domain/bundle';
import { clearAdjusted, moveInOptions, moveInPlan, resetInOptions, setAdjusted } from './redactionEdits';

const automatic: PlannedRedaction = {
  key: 'p1:doc_1:1:picture:41-42',
  docId: 'doc_1',
  page: 1,
  box: [315, 986, 1188, 147],
  reason: 'protected-person',
  label: 'Protected person 1',
  subject: 'Yerlan Tursynbayev',
  origin: 'picture',
  waived: false,
  adjusted: false,
};
const drawn: PlannedRedaction = {
  key: 'm1:doc_1:1',
  docId: 'doc_1',
  page: 1,
  box: [100, 200, 300, 40],
  reason: 'manual',
  label: 'Address',
  subject: 'Address',
  origin: 'drawn',
  waived: false,
  adjusted: false,
};
const options: BundleRedactionOptions = {
  protectedPersons: true,
  terms: [],
  boxes: [{ docId: 'doc_1', page: 1, box: [100, 200, 300, 40], reason: 'Address' }],
  waived: [],
};

describe('adjusted boxes', () => {
  it('keep one box per key, the newest', () => {
    const once = setAdjusted(undefined, 'a', [1, 2, 3, 4]);
    expect(once).toEqual([{ key: 'a', box: [1, 2, 3, 4] }]);
    const twice = setAdjusted([...once, { key: 'b', box: [5, 6, 7, 8] }], 'a', [9, 9, 9, 9]);
    expect(twice).toEqual([
      { key: 'b', box: [5, 6, 7, 8] },
      { key: 'a', box: [9, 9, 9, 9] },
    ]);
    expect(clearAdjusted(twice, 'a')).toEqual([{ key: 'b', box: [5, 6, 7, 8] }]);
    expect(clearAdjusted(undefined, 'a')).toEqual([]);
  });

  it('an automatic box moved is remembered under its key, in a definition saved before boxes could move too', () => {
    const moved = moveInOptions(options, automatic, [300, 980, 1220, 160]);
    expect(moved.adjusted).toEqual([{ key: automatic.key, box: [300, 980, 1220, 160] }]);
    expect(moved.boxes).toEqual(options.boxes);
    expect(resetInOptions(moved, automatic.key).adjusted).toEqual([]);
  });

  it('a drawn box moved changes where it is drawn, not the automatic ones', () => {
    const moved = moveInOptions(options, drawn, [110, 210, 300, 40]);
    expect(moved.boxes).toEqual([{ docId: 'doc_1', page: 1, box: [110, 210, 300, 40], reason: 'Address' }]);
    expect(moved.adjusted).toBeUndefined();
  });

  it('a drawn box no longer in the definition changes nothing', () => {
    expect(moveInOptions({ ...options, boxes: [] }, drawn, [110, 210, 300, 40])).toEqual({ ...options, boxes: [] });
  });

  it('show in the plan at once, an automatic one marked as moved', () => {
    const plan = { redactions: [automatic, drawn] } as BundlePlan;
    const after = moveInPlan(moveInPlan(plan, automatic.key, [1, 2, 30, 40]), drawn.key, [5, 6, 70, 80]);
    expect(after.redactions.map((r) => [r.key, r.box, r.adjusted])).toEqual([
      [automatic.key, [1, 2, 30, 40], true],
      [drawn.key, [5, 6, 70, 80], false],
    ]);
  });
});
