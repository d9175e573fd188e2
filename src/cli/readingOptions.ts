import { InvalidArgumentError, Option, type Command } from 'commander';
import { DEFAULT_PLACEHOLDER_IDS, parsePlaceholderList, type FarDatesPolicy } from '../domain';
import { parsePlausibleDates, plausibleWindow, type PlausibleDatesSetting, type PlausibleWindow } from '../domain/time';

/**
 * The options every command that reads CSV files shares (import, rfm, stages): which values
 * are placeholders for a missing id, which dates are plausible, and whether rows dated outside
 * them are kept (with a warning, left out of default dates) or rejected. See
 * domain/import/placeholders.ts and domain/time/plausibleDates.ts.
 */
export interface ReadingFlags {
  placeholderIds?: string[];
  plausibleDates?: PlausibleDatesSetting;
  farDates: FarDatesPolicy;
}

function placeholderListOption(value: string): string[] {
  return parsePlaceholderList(value);
}

function plausibleDatesOption(value: string): PlausibleDatesSetting {
  const setting = parsePlausibleDates(value);
  if (!setting) throw new InvalidArgumentError('expected FROM..TO with dates YYYY-MM-DD, either side may be left out (e.g. 2015-01-01.. or 2015-01-01..2025-12-31).');
  return setting;
}

export function addReadingOptions(command: Command): Command {
  return command
    .option('--placeholder-ids <list>', `values read as a missing customer or order id, comma-separated, "" for none (default: ${DEFAULT_PLACEHOLDER_IDS.join(',')})`, placeholderListOption)
    .option('--plausible-dates <from..to>', 'dates outside are warned about and left out of every default date (default: 1970-01-01..tomorrow)', plausibleDatesOption)
    .addOption(new Option('--far-dates <what>', 'rows dated outside the plausible dates: keep (with a warning) or reject').choices(['keep', 'reject']).default('keep'));
}

/** The plan settings of the reading flags. */
export function readingSettings(flags: ReadingFlags): { placeholderIds?: string[]; plausibleDates?: PlausibleDatesSetting; farDates: FarDatesPolicy } {
  return { placeholderIds: flags.placeholderIds, plausibleDates: flags.plausibleDates, farDates: flags.farDates };
}

/** The window default dates are taken within (now: the command's run). */
export function plausibleWindowOf(flags: Pick<ReadingFlags, 'plausibleDates'>, now = Date.now()): PlausibleWindow {
  return plausibleWindow(now, flags.plausibleDates);
}
