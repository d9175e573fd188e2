import { CONSENT_CHANNELS, CUSTOMER_TEXT_FIELDS, type Customer } from '../model';

/**
 * Merges a newer record of the same customer into an older one: a field the newer record
 * has wins, a field it lacks keeps the old value; known consents override unknown ones.
 */
export function mergeCustomer(older: Customer, newer: Customer): Customer {
  const merged: Customer = { ...older, consents: { ...older.consents }, attrs: { ...older.attrs, ...newer.attrs } };
  for (const field of CUSTOMER_TEXT_FIELDS) {
    const value = newer[field];
    if (value) merged[field] = value;
  }
  if (newer.signupAt !== undefined) merged.signupAt = newer.signupAt;
  for (const channel of CONSENT_CHANNELS) {
    const value = newer.consents[channel];
    if (value !== null) merged.consents[channel] = value;
  }
  return merged;
}
