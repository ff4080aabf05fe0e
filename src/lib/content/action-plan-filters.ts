import type { Action, ActionStatus } from '../schemas/action-plan.ts';

export interface StatusFilter {
  /** undefined for "all"; otherwise the URL segment, e.g. "in-progress". */
  slug: string | undefined;
  label: string;
  status: ActionStatus | undefined;
}

/** One static page per filter, so filtering works with no JavaScript. */
export const statusFilters: readonly StatusFilter[] = [
  { slug: undefined, label: 'All actions', status: undefined },
  { slug: 'delivered', label: 'Delivered', status: 'delivered' },
  { slug: 'in-progress', label: 'In progress', status: 'in progress' },
];

export const filterUrl = (filter: StatusFilter): string => (filter.slug ? `/action-plan/${filter.slug}/` : '/action-plan/');

export function actionsFor<T extends Pick<Action, 'status' | 'number'>>(actions: readonly T[], filter: StatusFilter): T[] {
  return actions.filter((a) => !filter.status || a.status === filter.status).sort((a, b) => a.number - b.number);
}
