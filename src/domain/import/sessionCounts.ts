/** What an import session has counted so far (apart from session.ts so the row readers can update it too). */
export interface Counts {
  read: number;
  accepted: number;
  merged: number;
  rejected: number;
  events: number;
  orders: number;
  returns: number;
}
