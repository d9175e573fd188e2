import { describe, expect, it } from 'vitest';
import { attributionPropRank, compileCrmMapping, CRM_CHANNELS, crmChannelOfValue, defaultCrmChannelMapping, parseCrmChannelMapping } from './crmChannels';

const compiled = compileCrmMapping(defaultCrmChannelMapping());
const channelOf = (value: string) => CRM_CHANNELS[crmChannelOfValue(compiled, value)] ?? null;

describe('CRM channel mapping', () => {
  it('reads channels as whole words in any case and spelling', () => {
    expect(channelOf('E-Mail')).toBe('email');
    expect(channelOf('email_digest_2024')).toBe('email');
    expect(channelOf('Рассылка май')).toBe('email');
    expect(channelOf('SMS')).toBe('sms');
    expect(channelOf('смс-напоминание')).toBe('sms');
    expect(channelOf('web-push')).toBe('push');
    expect(channelOf('WhatsApp')).toBe('whatsapp');
    expect(channelOf('tg_channel')).toBe('telegram');
    expect(channelOf('in_app')).toBe('in_app');
    expect(channelOf('In-App message')).toBe('in_app');
  });

  it('does not read a channel inside another word', () => {
    expect(channelOf('gmail')).toBeNull();
    expect(channelOf('mail.ru')).toBeNull();
    expect(channelOf('pushkin_books')).toBeNull();
    expect(channelOf('google / cpc')).toBeNull();
    expect(channelOf('')).toBeNull();
  });

  it('recognises the attribution props however the column was written', () => {
    expect(attributionPropRank(compiled, 'utm_source')).toBe(0);
    expect(attributionPropRank(compiled, 'UTM Source')).toBe(0);
    expect(attributionPropRank(compiled, 'Source')).toBe(1);
    expect(attributionPropRank(compiled, 'campaign')).toBeGreaterThan(1);
    expect(attributionPropRank(compiled, 'Источник')).toBeGreaterThan(0);
    expect(attributionPropRank(compiled, 'channel')).toBe(-1);
  });

  it('validates a stored mapping and says what is wrong', () => {
    expect(parseCrmChannelMapping(defaultCrmChannelMapping())).toEqual({ ok: true, value: defaultCrmChannelMapping() });
    const broken = { ...defaultCrmChannelMapping(), props: [] };
    expect(parseCrmChannelMapping(broken)).toEqual({ ok: false, error: 'props: at least one prop' });
    expect(parseCrmChannelMapping({ version: 2 })).toMatchObject({ ok: false });
  });
});

describe('metrics settings', () => {
  it('validate a stored value and say what is wrong', async () => {
    const { defaultMetricsSettings, parseMetricsSettings } = await import('./settings');
    expect(parseMetricsSettings(defaultMetricsSettings())).toEqual({ ok: true, value: defaultMetricsSettings() });
    expect(parseMetricsSettings({ ...defaultMetricsSettings(), asOf: '2026-02-30' })).toEqual({ ok: false, error: 'asOf: not a date YYYY-MM-DD' });
    expect(parseMetricsSettings({ ...defaultMetricsSettings(), period: 'decade' })).toMatchObject({ ok: false });
    expect(parseMetricsSettings({ ...defaultMetricsSettings(), crmMapping: { version: 1 } })).toMatchObject({ ok: false, error: expect.stringMatching(/^crmMapping\./) });
  });
});
