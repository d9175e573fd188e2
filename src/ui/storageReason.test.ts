import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { ru } from '../i18n/ru';
import { UserFacingError } from '../domain';
import { errorMessage } from './errorMessage';
import { storageReasonText } from './storageReason';

/** What cannot be read in storage is said in the interface language, whichever way it reached the screen. */
const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ resources: { en: { translation: en }, ru: { translation: ru } }, lng: 'en', interpolation: { escapeValue: false } });
});

describe('reasons stored data could not be read', () => {
  const newer = { reason: 'written by a newer ChainLab (format 2; this version reads up to 1)', why: { code: 'newer', format: 2, current: 1 } };

  it('are translated from their code, and shown as they are without one', () => {
    const t = i18n.getFixedT('ru');
    expect(storageReasonText(t, newer)).toBe('сохранено более новой версией ChainLab: формат 2, эта версия читает форматы до 1');
    expect(storageReasonText(i18n.getFixedT('en'), newer)).toBe('saved by a newer version of ChainLab: format 2, this version reads up to format 1');
    expect(storageReasonText(t, { reason: 'node "x" set aside' })).toBe('node "x" set aside');
    const text = { en: 'The chain was saved by a newer ChainLab.', ru: 'Цепочка сохранена более новой версией ChainLab.' };
    expect(storageReasonText(t, { reason: text.en, text }, 'ru')).toBe(text.ru);
  });

  it('are translated in an error that came from a worker', () => {
    const error = new UserFacingError('storage.unreadable', 'A stored block (blockColumns b1) could not be read: columns.ts: 3 values for 4 rows', {
      what: 'block',
      reason: 'columns.ts: 3 values for 4 rows',
      reasonCode: 'invalid',
      detail: 'columns.ts: 3 values for 4 rows',
    });
    expect(errorMessage(error, i18n.getFixedT('ru'))).toBe('Не удалось прочитать сохранённые данные: блок клиентов или событий (значение не прошло проверку — columns.ts: 3 values for 4 rows). Они оставлены как есть, ничего не изменено.');
    expect(errorMessage(error, i18n.getFixedT('en'))).toBe('Stored data could not be read: block of customers or events (columns.ts: 3 values for 4 rows). It was left as it is; nothing was changed.');
  });

  it('of a chain are said in the interface language (the model gives both)', () => {
    const error = new UserFacingError('chain.versionUnreadable', 'The chain was saved by a newer ChainLab.', { reason: 'The chain was saved by a newer ChainLab.', reasonRu: 'Цепочка сохранена более новой версией ChainLab.' });
    expect(errorMessage(error, i18n.getFixedT('ru'), 'ru')).toBe('Эту версию не удаётся прочитать: Цепочка сохранена более новой версией ChainLab.');
    expect(errorMessage(error, i18n.getFixedT('en'), 'en')).toBe('This version cannot be read: The chain was saved by a newer ChainLab.');
  });
});
