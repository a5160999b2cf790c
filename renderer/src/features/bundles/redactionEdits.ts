import type { BundlePlan, BundleRedactionOptions, PixelBox, PlannedRedaction } from '../../../../shared/domain/bundle';
import { manualBoxOf } from './redactionBoxes';

/**
 * What moving or resizing a box in the review changes in the bundle's definition. A box the lawyer
 * drew is changed where it is kept (`boxes`); an automatic one keeps being found on the page, so the
 * lawyer's box for it is kept beside it under its key (`adjusted`) and stands in for what was found.
 */

export type Adjusted = NonNullable<BundleRedactionOptions['adjusted']>;

/** The lawyer's box for an automatic redaction, replacing an earlier one for the same key. */
export function setAdjusted(adjusted: Adjusted | undefined, key: string, box: PixelBox): Adjusted {
  const rest = (adjusted ?? []).filter((entry) => entry.key !== key);
  return [...rest, { key, box }];
}

/** Back to the box Dalel found. */
export function clearAdjusted(adjusted: Adjusted | undefined, key: string): Adjusted {
  return (adjusted ?? []).filter((entry) => entry.key !== key);
}

/** Drawn by the lawyer, or found by Dalel. */
export function isDrawn(planned: PlannedRedaction): boolean {
  return planned.origin === 'drawn' || planned.reason === 'manual';
}

/** The redaction options with one planned redaction moved or resized to `box`. */
export function moveInOptions(options: BundleRedactionOptions, planned: PlannedRedaction, box: PixelBox): BundleRedactionOptions {
  if (isDrawn(planned)) {
    const index = manualBoxOf(planned, options.boxes);
    if (index < 0) return options;
    return { ...options, boxes: options.boxes.map((drawn, at) => (at === index ? { ...drawn, box } : drawn)) };
  }
  return { ...options, adjusted: setAdjusted(options.adjusted, planned.key, box) };
}

/** The redaction options with an automatic box put back where Dalel found it. */
export function resetInOptions(options: BundleRedactionOptions, key: string): BundleRedactionOptions {
  return { ...options, adjusted: clearAdjusted(options.adjusted, key) };
}

/** The plan as it will be once the move is saved, so the box stays where the lawyer left it meanwhile. */
export function moveInPlan(plan: BundlePlan, key: string, box: PixelBox): BundlePlan {
  return {
    ...plan,
    redactions: plan.redactions.map((redaction) => (redaction.key === key ? { ...redaction, box, adjusted: !isDrawn(redaction) || redaction.adjusted } : redaction)),
  };
}
