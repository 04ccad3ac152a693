import { Component, type ErrorInfo, type ReactNode } from 'react';
import { controller } from '../../app/runtime';
import { useT } from '../../i18n/useT';
import { useApp } from '../../store/appStore';
import { clearFault, FaultProbe, type Region } from './faultProbe';

const REGION_NAME = { canvas: 'boundaryCanvas', panel: 'boundaryPanel', inspector: 'boundaryInspector' } as const;

interface Props {
  region: Region;
  children: ReactNode;
}

/**
 * Keeps a failure in one region of the page (the canvas, a drawer panel, the inspector) in
 * that region: it shows what happened in both languages and a button that reloads the
 * scenario, while the header, the controls and the other regions go on working. Loading
 * another scenario clears the failure too.
 */
export function RegionBoundary({ region, children }: Props) {
  const loadId = useApp((s) => s.loadId);
  return (
    <Catcher loadId={loadId} region={region}>
      <FaultProbe region={region} />
      {children}
    </Catcher>
  );
}

interface CatcherProps extends Props {
  /** The scenario load the region shows: a new load clears a failure. */
  loadId: number;
}

interface CatcherState {
  error: Error | null;
  loadId: number;
}

class Catcher extends Component<CatcherProps, CatcherState> {
  override state: CatcherState = { error: null, loadId: this.props.loadId };

  static getDerivedStateFromError(error: unknown): Partial<CatcherState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  // A failure belongs to the scenario it happened in: another scenario gets a fresh start,
  // without remounting the region when nothing failed.
  static getDerivedStateFromProps(props: CatcherProps, state: CatcherState): Partial<CatcherState> | null {
    return props.loadId === state.loadId ? null : { error: null, loadId: props.loadId };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    clearFault(this.props.region);
    // Kept in the console for whoever reports the bug; the page itself stays usable.
    console.error(`microsim: the ${this.props.region} failed`, error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return <Failed region={this.props.region} error={error} onReload={() => this.setState({ error: null })} />;
  }
}

function Failed({ region, error, onReload }: { region: Region; error: Error; onReload: () => void }) {
  const { t } = useT();
  return (
    <div role="alert" className="region-failed">
      <p className="region-failed__title">{t('boundaryFailed', { region: t(REGION_NAME[region]) })}</p>
      <p className="region-failed__detail">{t('boundaryDetail', { detail: error.message })}</p>
      <button
        type="button"
        className="button"
        onClick={() => {
          controller.reset();
          onReload();
        }}
      >
        {t('boundaryReload')}
      </button>
    </div>
  );
}
