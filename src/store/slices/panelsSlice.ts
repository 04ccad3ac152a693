import type { StateCreator } from 'zustand';
import { LOG_KINDS, type LogKind } from '../../components/models/kindUi';

/** The bottom drawer's tabs. */
export type DrawerTab = 'events' | 'charts';

/** What the inspector, event log and charts panels show: changed by the user only, never per frame. */
export interface PanelsSlice {
  /** The drawer's tab, and whether the drawer is open. */
  drawerTab: DrawerTab;
  drawerOpen: boolean;
  /** The log shows one node's entries, or all. */
  logNode: string | null;
  /** The log shows these kinds (all by default). */
  logKinds: readonly LogKind[];
  /** The message (root id) whose life is shown beside the log. */
  lifeOf: number | null;
  /** Opens the drawer on `tab`; the open tab again closes it. */
  showTab: (tab: DrawerTab) => void;
  setDrawerOpen: (open: boolean) => void;
  setLogNode: (node: string | null) => void;
  /** Shows or hides one kind in the log. */
  toggleLogKind: (kind: LogKind) => void;
  showLife: (root: number | null) => void;
}

/** The drawer closed on the event log, every kind shown. */
export const panelsSlice: StateCreator<PanelsSlice> = (set) => ({
  drawerTab: 'events',
  drawerOpen: false,
  logNode: null,
  logKinds: LOG_KINDS,
  lifeOf: null,
  showTab: (tab) => set((s) => ({ drawerTab: tab, drawerOpen: !(s.drawerOpen && s.drawerTab === tab) })),
  setDrawerOpen: (drawerOpen) => set({ drawerOpen }),
  setLogNode: (logNode) => set({ logNode }),
  toggleLogKind: (kind) =>
    set((s) => ({ logKinds: s.logKinds.includes(kind) ? s.logKinds.filter((k) => k !== kind) : LOG_KINDS.filter((k) => k === kind || s.logKinds.includes(k)) })),
  showLife: (lifeOf) => set({ lifeOf }),
});
