import type { TFunction } from 'i18next';
import { UserFacingError } from '../../../domain';
import type { Formatter } from '../../../ui/format';
import type { FigureParam, FigureText } from './resultsModel';

/**
 * One figure of a run in the screen's language: counts grouped, money in the workspace's
 * currency, shares as percentages, differences of shares in percentage points.
 */
export function formatFigure(param: FigureParam, format: Formatter, t: TFunction): string {
  switch (param.kind) {
    case 'count':
      return format.count(param.value);
    case 'money':
      return format.money(param.value, Math.abs(param.value) >= 100 ? 'whole' : 'exact');
    case 'share':
      return format.percent(param.value, 1);
    case 'points':
      return t('runResults.cards.points', { value: `${param.value > 0 ? '+' : ''}${format.decimal(param.value * 100, 2)}` });
    case 'ratio':
      return format.decimal(param.value, 2);
    case 'channel':
      return channelName(param.value, t);
    case 'text':
      return param.value;
  }
}

export function channelName(channel: string, t: TFunction): string {
  const key = `inspector.message.channels.${channel}`;
  const name = t(key);
  return name === key ? channel : name;
}

export function figureText(item: FigureText, format: Formatter, t: TFunction): string {
  const params: Record<string, string> = {};
  for (const [name, param] of Object.entries(item.params)) params[name] = formatFigure(param, format, t);
  return t(item.key, params);
}

/** Why a run could not be read or changed, in the screen's language (the engine's errors speak English). */
export function runErrorText(error: unknown, t: TFunction): string {
  if (error instanceof UserFacingError) {
    if (error.code === 'simulation.noRun') return t('runResults.errors.noRun');
    if (error.code === 'simulation.badRun') return t('runResults.errors.badRun', { message: error.message });
    if (error.code === 'simulation.emptyRunName') return t('runResults.list.nameEmpty');
  }
  return t('runResults.errors.unexpected', { message: error instanceof Error ? error.message : String(error) });
}
