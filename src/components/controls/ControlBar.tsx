import { useRenderCount } from '../../app/debug';
import { Clock } from './Clock';
import { LastEvent } from './LastEvent';
import { PlaybackButtons } from './PlaybackButtons';
import { Scrubber } from './Scrubber';
import { SeedControl } from './SeedControl';
import { SpeedControl } from './SpeedControl';
import { StatusLine } from './StatusLine';
import { Totals } from './Totals';

/** The control bar: play, step, reset, the clock (always in view), the timeline, speed, totals, the last step in words. */
export function ControlBar() {
  useRenderCount();
  return (
    <div className="controls">
      <div className="controls__row">
        <PlaybackButtons />
        <Clock />
        <Scrubber />
        <SpeedControl />
      </div>
      <div className="controls__row controls__row--info">
        <Totals />
        <StatusLine />
        <SeedControl />
      </div>
      <LastEvent />
    </div>
  );
}
