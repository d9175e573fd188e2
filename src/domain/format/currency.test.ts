import { describe, expect, it } from 'vitest';
import { currencyForLocales, currencyFromText, currencySetting, guessCurrencyFromValues, parseCurrencySetting, resolveWorkspaceCurrency } from './currency';

describe('reading a currency column', () => {
  it('understands codes, signs and words', () => {
    expect(currencyFromText('RUB')).toBe('RUB');
    expect(currencyFromText(' usd ')).toBe('USD');
    expect(currencyFromText('руб.')).toBe('RUB');
    expect(currencyFromText('₽')).toBe('RUB');
    expect(currencyFromText('RUR')).toBe('RUB');
    expect(currencyFromText('€')).toBe('EUR');
    expect(currencyFromText('тенге')).toBe('KZT');
    expect(currencyFromText('n/a')).toBeNull();
    expect(currencyFromText('')).toBeNull();
  });

  it('takes the currency most rows name', () => {
    expect(guessCurrencyFromValues([['USD', 10], ['руб', 4], ['RUB', 8]])).toBe('RUB');
    expect(guessCurrencyFromValues([['GBP', 1], ['—', 100]])).toBe('GBP');
    expect(guessCurrencyFromValues([['unknown', 3]])).toBeNull();
    expect(guessCurrencyFromValues([])).toBeNull();
  });
});

describe('the locale’s currency', () => {
  it('comes from the region, else the language', () => {
    expect(currencyForLocales(['ru-RU'])).toBe('RUB');
    expect(currencyForLocales(['en-GB', 'en'])).toBe('GBP');
    expect(currencyForLocales(['kk-KZ'])).toBe('KZT');
    expect(currencyForLocales(['de'])).toBe('EUR');
    expect(currencyForLocales(['ru'])).toBe('RUB');
    expect(currencyForLocales(['xx'])).toBeNull();
  });
});

describe('the workspace currency', () => {
  const locales = ['en-US'];
  it('is the user’s choice first, then the data’s, the demo’s and the locale’s', () => {
    expect(resolveWorkspaceCurrency({ setting: currencySetting('EUR'), dataGuess: 'USD', isDemo: true, locales })).toEqual({ code: 'EUR', source: 'setting' });
    expect(resolveWorkspaceCurrency({ setting: null, dataGuess: 'GBP', isDemo: true, locales })).toEqual({ code: 'GBP', source: 'data' });
    expect(resolveWorkspaceCurrency({ setting: null, dataGuess: null, isDemo: true, locales })).toEqual({ code: 'RUB', source: 'demo' });
    expect(resolveWorkspaceCurrency({ setting: null, dataGuess: null, isDemo: false, locales })).toEqual({ code: 'USD', source: 'locale' });
    expect(resolveWorkspaceCurrency({ setting: null, dataGuess: null, isDemo: false, locales: [] })).toEqual({ code: 'USD', source: 'locale' });
  });

  it('is stored versioned and validated on load', () => {
    expect(parseCurrencySetting({ version: 1, code: 'KZT' })).toEqual({ ok: true, value: { version: 1, code: 'KZT' } });
    expect(parseCurrencySetting({ version: 1, code: 'rubles' })).toEqual({ ok: false, error: 'code: not an ISO 4217 currency code' });
    expect(parseCurrencySetting({ version: 2, code: 'RUB' }).ok).toBe(false);
    expect(parseCurrencySetting('RUB').ok).toBe(false);
  });
});
