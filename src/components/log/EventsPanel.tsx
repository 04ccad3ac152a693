import { LogFilters } from './LogFilters';
import { LogList } from './LogList';
import { MessageLife } from './MessageLife';

/** The Events tab: the filters, the log, and the life of the message picked in it. */
export function EventsPanel() {
  return (
    <div className="events">
      <LogFilters />
      <div className="events__body">
        <LogList />
        <aside className="events__life">
          <MessageLife />
        </aside>
      </div>
    </div>
  );
}
