/**
 * Behaviour profiles of the demo customers. The shares and rates are set so that the whole
 * base looks like a typical Russian mid-market e-commerce/omnichannel shop: about two thirds
 * of registered customers ever buy, 35–45 % of buyers buy again, 60–75 % of carts are
 * abandoned, e-mail open rates around 15–25 %.
 */
export const DEMO_PROFILES = ['loyal', 'big_spender', 'bargain_hunter', 'window_shopper', 'churned', 'prospect'] as const;
export type DemoProfile = (typeof DEMO_PROFILES)[number];

/** Order channels in `channelWeights` order. */
export const ORDER_CHANNELS = ['web', 'app', 'store'] as const;
export type OrderChannel = (typeof ORDER_CHANNELS)[number];

export interface ProfileSpec {
  share: number;
  /** Share of these customers who registered before the demo period began. */
  existingShare: number;
  /** Browsing sessions (without an order) per average month of activity. */
  browsePerMonth: number;
  /** Share of browsing sessions that put something in the cart and leave it. */
  cartShare: number;
  /** Share of browsing sessions that add to the wishlist. */
  wishlistShare: number;
  /** Candidates per item: > 1 prefers dear items, < -1 cheap ones (see drawItem). */
  priceBias: number;
  /** Share of bought items taken from the premium line. */
  premiumShare: number;
  /** web, app, store */
  channelWeights: readonly [number, number, number];
  /** Share with the mobile app installed (a push token). */
  appShare: number;
  /** Multiplies the customer's e-mail/push/SMS response rates. */
  engagement: number;
  /** Mean NPS answer (0–10). */
  npsMean: number;
  /** Probability that an order of this customer used a discount. */
  discountShare: number;
}

export const PROFILE_SPECS: Record<DemoProfile, ProfileSpec> = {
  loyal: {
    share: 0.14, existingShare: 0.5, browsePerMonth: 1.0, cartShare: 0.32, wishlistShare: 0.08,
    priceBias: 1, premiumShare: 0.04, channelWeights: [0.45, 0.35, 0.2],
    appShare: 0.55, engagement: 1.5, npsMean: 8.8, discountShare: 0.25,
  },
  big_spender: {
    share: 0.07, existingShare: 0.3, browsePerMonth: 0.5, cartShare: 0.4, wishlistShare: 0.1,
    priceBias: 2, premiumShare: 0.85, channelWeights: [0.5, 0.1, 0.4],
    appShare: 0.3, engagement: 0.7, npsMean: 8, discountShare: 0.1,
  },
  bargain_hunter: {
    share: 0.21, existingShare: 0.3, browsePerMonth: 1.1, cartShare: 0.45, wishlistShare: 0.2,
    priceBias: -2, premiumShare: 0, channelWeights: [0.55, 0.4, 0.05],
    appShare: 0.45, engagement: 1.3, npsMean: 7, discountShare: 0.9,
  },
  window_shopper: {
    share: 0.2, existingShare: 0.2, browsePerMonth: 2.0, cartShare: 0.45, wishlistShare: 0.25,
    priceBias: 1, premiumShare: 0.02, channelWeights: [0.6, 0.4, 0],
    appShare: 0.45, engagement: 1.1, npsMean: 6.5, discountShare: 0.3,
  },
  churned: {
    share: 0.22, existingShare: 0.35, browsePerMonth: 1.7, cartShare: 0.4, wishlistShare: 0.1,
    priceBias: 1, premiumShare: 0.02, channelWeights: [0.55, 0.25, 0.2],
    appShare: 0.3, engagement: 1, npsMean: 5, discountShare: 0.3,
  },
  prospect: {
    share: 0.16, existingShare: 0.15, browsePerMonth: 0.5, cartShare: 0.3, wishlistShare: 0.15,
    priceBias: 1, premiumShare: 0.02, channelWeights: [0.7, 0.3, 0],
    appShare: 0.3, engagement: 0.8, npsMean: 7, discountShare: 0.2,
  },
};

export const PROFILE_WEIGHTS: readonly number[] = DEMO_PROFILES.map((profile) => PROFILE_SPECS[profile].share);
