import { create } from 'zustand';
import { isSectionKey, type SectionKey } from '../app/sections';

interface NavigationState {
  section: SectionKey;
  go(section: SectionKey): void;
}

/** The open section, mirrored in the URL hash (#/orders) so reloads and back/forward keep it. */
export const useNavigation = create<NavigationState>((set) => ({
  section: sectionFromHash(),
  go(section) {
    if (location.hash !== `#/${section}`) location.hash = `#/${section}`;
    set({ section });
  },
}));

window.addEventListener('hashchange', () => useNavigation.setState({ section: sectionFromHash() }));

function sectionFromHash(): SectionKey {
  const key = location.hash.replace(/^#\/?/, '');
  return isSectionKey(key) ? key : 'overview';
}
