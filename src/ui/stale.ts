/**
 * The colour of a figure being redone (a count while its conditions change): grey that still
 * reads at 5.7:1 on white. Dimming with opacity 0.6 fell to 4.29:1 and failed the contrast audit
 * whenever it ran mid-recount. Larger panels being redone are not greyed at all: they keep their
 * colours, say `aria-busy`, and show a BusyBar above them.
 */
export const STALE_TEXT = 'text.secondary';
