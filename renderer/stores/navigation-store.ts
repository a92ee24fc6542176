import { useEffect, useState } from 'react';
import { create } from 'zustand';
import { isSectionKey, type SectionKey } from '../app/sections';

/** Filters a link brings to the page it opens (a to-do on 商家总览 → 客户工单 filtered to 待我处理). */
export type ArrivalFilters = Record<string, string | number | boolean>;

interface NavigationState {
  section: SectionKey;
  /** The filters the last `go` brought, for that section; the page takes them once. */
  arrival: { section: SectionKey; filters: ArrivalFilters } | null;
  go(section: SectionKey, filters?: ArrivalFilters): void;
}

/** The open section, mirrored in the URL hash (#/orders) so reloads and back/forward keep it. */
export const useNavigation = create<NavigationState>((set) => ({
  section: sectionFromHash(),
  arrival: null,
  go(section, filters) {
    set({ section, arrival: filters ? { section, filters } : null });
    if (location.hash !== `#/${section}`) location.hash = `#/${section}`;
  },
}));

/** The filters a link brought to `section` when the page opened (null when none); used once, then forgotten. */
export function useArrivalFilters(section: SectionKey): ArrivalFilters | null {
  const [filters] = useState(() => {
    const arrival = useNavigation.getState().arrival;
    return arrival?.section === section ? arrival.filters : null;
  });
  useEffect(() => {
    if (filters) useNavigation.setState({ arrival: null });
  }, [filters]);
  return filters;
}

window.addEventListener('hashchange', () => {
  const section = sectionFromHash();
  if (section !== useNavigation.getState().section) useNavigation.setState({ section });
});

function sectionFromHash(): SectionKey {
  const key = location.hash.replace(/^#\/?/, '');
  return isSectionKey(key) ? key : 'overview';
}
