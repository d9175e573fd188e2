import { useEffect, useState } from 'react';
import { getDatabase, loadCustomer } from '../../../db';
import type { Customer, Workspace } from '../../../domain';
import type { CustomerRow } from '../../../domain/customers/customerTable';
import { useEngineCall } from '../../../workers/useEngineCall';

/** A customer chosen for the message preview: by position in the workspace, with the id to check it is still them. */
export interface PickedCustomer {
  index: number;
  id: string;
}

const SEARCH_PAGE = 20;

/** Customers whose name, email, phone or id contain the words typed (the Data screen's search, in its worker). */
export function useCustomerSearch(workspace: Workspace | undefined, search: string): { rows: CustomerRow[]; total: number | null; isCurrent: boolean } {
  const call = useEngineCall('data', 'queryCustomers', workspace ? { workspaceId: workspace.id, dataVersion: workspace.dataVersion, query: { search, page: 0, pageSize: SEARCH_PAGE } } : null);
  if (call.error !== undefined) return { rows: [], total: 0, isCurrent: true };
  // `rows` may be an earlier search's while this one is on its way (isCurrent false)
  return call.value ? { rows: call.value.rows, total: call.value.total, isCurrent: call.isCurrent } : { rows: [], total: null, isCurrent: false };
}

/** A random customer of the workspace (uniform over its customers). */
export async function randomCustomer(workspace: Workspace, total: number): Promise<PickedCustomer | null> {
  if (total <= 0) return null;
  const index = Math.floor(Math.random() * total);
  const customer = await loadCustomer(getDatabase(), workspace.id, index);
  return customer ? { index, id: customer.id } : null;
}

export type LoadedCustomer = { status: 'none' } | { status: 'loading' } | { status: 'missing' } | { status: 'ready'; customer: Customer };

/** The picked customer's full profile (every field a message may use), read from the one block that holds it. */
export function usePickedCustomer(workspaceId: string, picked: PickedCustomer | null): LoadedCustomer {
  const key = picked ? `${workspaceId}:${picked.index}:${picked.id}` : '';
  const [answer, setAnswer] = useState<{ key: string; customer: Customer | null } | null>(null);
  useEffect(() => {
    if (!picked) return;
    let isCurrent = true;
    loadCustomer(getDatabase(), workspaceId, picked.index)
      // An import since the pick can move customers: a different id at that place is not them.
      .then((customer) => isCurrent && setAnswer({ key, customer: customer && customer.id === picked.id ? customer : null }))
      .catch(() => isCurrent && setAnswer({ key, customer: null }));
    return () => {
      isCurrent = false;
    };
  }, [workspaceId, picked, key]);
  if (!picked) return { status: 'none' };
  if (answer?.key !== key) return { status: 'loading' };
  return answer.customer ? { status: 'ready', customer: answer.customer } : { status: 'missing' };
}
