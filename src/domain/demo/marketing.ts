import { DAY_MS, HOUR_MS, drawInstant, wholeSecond } from './calendar';
import { firstCampaignAtOrAfter, type DemoCampaign } from './campaigns';
import { emit, type CustomerDraft } from './context';
import { browseVisit, step } from './sessions';

/**
 * Subscriptions and reactions to the store's mass campaigns (campaigns.ts): e-mail opens and
 * clicks, push opens, SMS clicks, some of which lead to a visit tagged with the campaign.
 * Each customer has a personal open and click propensity; bargain hunters open sale campaigns
 * more. Final consents (the customer record) agree with the events: whoever unsubscribed has
 * e-mail consent false, whoever is subscribed at the end has it true.
 */
interface Window {
  from: number;
  to: number;
}

const LATER_SOURCES = ['popup', 'checkout'] as const;
const LATER_SOURCE_WEIGHTS = [65, 35] as const;

export function drawMarketing(draft: CustomerDraft): void {
  const { customer } = draft.identity;
  const emailWindow = drawEmailSubscription(draft);
  if (emailWindow) emailResponses(draft, emailWindow);
  const active = { from: draft.life.activeFrom, to: draft.life.activeTo };
  if (customer.consents.push === true) pushResponses(draft, active);
  if (customer.consents.sms === true) smsResponses(draft, active);
  drawReferrals(draft);
}

/** When the customer was receiving marketing e-mails within the period, if at all. */
function drawEmailSubscription(draft: CustomerDraft): Window | undefined {
  const { random, life, identity, context } = draft;
  const consent = identity.customer.consents.email;
  if (consent === null) return undefined;
  const wasSubscribedBefore = life.isExisting && random.chance(0.85);
  const isUnsubscriber = consent === false;
  if (isUnsubscriber && !random.chance(0.4)) return undefined; // opted out before the period
  let from = life.activeFrom;
  if (!wasSubscribedBefore) {
    // Most opt in on the signup form; the others later, through a pop-up or at checkout.
    const isLater = life.isExisting || random.chance(0.25);
    from = isLater ? drawLater(draft, life.activeFrom) : life.signupAt + random.int(2, 120) * 1000;
    const source = isLater ? random.weighted(LATER_SOURCES, LATER_SOURCE_WEIGHTS) : 'signup_form';
    emit(draft, 'subscribe', from, { channel: 'email', source });
  }
  if (!isUnsubscriber) return { from, to: context.calendar.endMs };
  const to = unsubscribeAt(draft, from);
  emit(draft, 'unsubscribe', to, { channel: 'email' });
  return { from, to };
}

/** A week or more after subscribing, and always inside the period so consent and events agree. */
function unsubscribeAt(draft: CustomerDraft, from: number): number {
  const endMs = draft.context.calendar.endMs;
  const ts = drawLater(draft, from + 7 * DAY_MS);
  return ts < endMs ? ts : from + wholeSecond(Math.max(0, endMs - from) * draft.random.uniform(0.3, 0.95));
}

/** A seasonally drawn instant after `from` (within the customer's active time when possible). */
function drawLater(draft: CustomerDraft, from: number): number {
  const { context, random, life, identity } = draft;
  const to = Math.max(life.activeTo, from + DAY_MS);
  return drawInstant(context.calendar, random, { fromMs: from, toMs: to, utcOffset: identity.utcOffset });
}

/** Personal rate around `median`, scaled by the profile's engagement, within [min, max]. */
function propensity(draft: CustomerDraft, median: number, min: number, max: number): number {
  const rate = draft.random.lognormal(Math.log(median), 0.6) * draft.spec.engagement;
  return Math.min(max, Math.max(min, rate));
}

function campaignsIn(list: readonly DemoCampaign[], window: Window, activeTo: number): DemoCampaign[] {
  const to = Math.min(window.to, activeTo);
  const result: DemoCampaign[] = [];
  for (let i = firstCampaignAtOrAfter(list, window.from); i < list.length && list[i]!.ts < to; i++) result.push(list[i]!);
  return result;
}

/** Most opens come within hours of the send, some days later. */
function openDelay(draft: CustomerDraft): number {
  return wholeSecond(60_000 + draft.random.exponential(4 * HOUR_MS));
}

function emailResponses(draft: CustomerDraft, window: Window): void {
  const random = draft.random;
  const openRate = propensity(draft, 0.15, 0.01, 0.8);
  const clickRate = propensity(draft, 0.12, 0.01, 0.6);
  const saleBoost = draft.profile === 'bargain_hunter' ? 1.7 : 1.1;
  for (const campaign of campaignsIn(draft.context.campaigns.email, window, draft.life.activeTo)) {
    if (!random.chance(campaign.isSale ? openRate * saleBoost : openRate)) continue;
    const openTs = campaign.ts + openDelay(draft);
    emit(draft, 'email_open', openTs, { channel: 'email', campaign: campaign.name });
    if (!random.chance(clickRate)) continue;
    const clickTs = openTs + step(draft, 30);
    emit(draft, 'email_click', clickTs, { channel: 'email', campaign: campaign.name });
    if (random.chance(0.7)) respondVisit(draft, clickTs + 3000, campaign.name, 'web');
  }
}

function pushResponses(draft: CustomerDraft, window: Window): void {
  const random = draft.random;
  const openRate = propensity(draft, 0.05, 0.005, 0.4);
  for (const campaign of campaignsIn(draft.context.campaigns.push, window, draft.life.activeTo)) {
    if (!random.chance(openRate)) continue;
    const openTs = campaign.ts + wholeSecond(random.exponential(HOUR_MS));
    emit(draft, 'push_open', openTs, { channel: 'push', campaign: campaign.name });
    if (random.chance(0.5)) respondVisit(draft, openTs + 2000, campaign.name, 'app');
    else emit(draft, 'app_open', openTs + 2000, { channel: 'app', campaign: campaign.name });
  }
}

function smsResponses(draft: CustomerDraft, window: Window): void {
  const random = draft.random;
  const clickRate = propensity(draft, 0.035, 0.003, 0.3);
  for (const campaign of campaignsIn(draft.context.campaigns.sms, window, draft.life.activeTo)) {
    if (!random.chance(clickRate)) continue;
    const clickTs = campaign.ts + wholeSecond(random.exponential(2 * HOUR_MS));
    emit(draft, 'sms_click', clickTs, { channel: 'sms', campaign: campaign.name });
    if (random.chance(0.6)) respondVisit(draft, clickTs + 4000, campaign.name, 'web');
  }
}

function respondVisit(draft: CustomerDraft, ts: number, campaign: string, channel: 'web' | 'app'): void {
  const { random, spec } = draft;
  browseVisit(draft, ts, { campaign, channel, hasCart: random.chance(spec.cartShare * 0.6), hasWishlist: random.chance(spec.wishlistShare * 0.5) });
}

/** Happy customers invite friends (the "invite a friend" programme). */
function drawReferrals(draft: CustomerDraft): void {
  const { random, life, identity, context } = draft;
  if (!random.chance(draft.profile === 'loyal' ? 0.25 : 0.03)) return;
  const count = 1 + random.poisson(0.5);
  for (let i = 0; i < count; i++) {
    const ts = drawInstant(context.calendar, random, { fromMs: life.activeFrom, toMs: life.activeTo, utcOffset: identity.utcOffset });
    emit(draft, 'referral', ts, { channel: identity.hasApp && random.chance(0.5) ? 'app' : 'web', campaign: 'invite_friend' });
  }
}
