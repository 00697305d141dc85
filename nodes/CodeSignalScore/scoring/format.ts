/** Number formatting shared by labels, prompts, reasons and the report. */

export const roundTo2 = (value: number): number => Math.round(value * 100) / 100;

/** At most two decimals and no trailing zeros: 70, 72.5, 0.33. */
export const formatNumber = (value: number): string => String(roundTo2(value));

/** "1 task", "3 tasks", "2.5 minutes". */
export const countOf = (value: number, unit: string): string => `${formatNumber(value)} ${value === 1 ? unit : `${unit}s`}`;

/** Items may be built by hand: anything that is not a finite number counts as missing. */
export const finiteOrNull = (value: unknown): number | null =>
	typeof value === 'number' && Number.isFinite(value) ? value : null;
