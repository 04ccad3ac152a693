import type { Simulation } from '../../engine/simulation';
import { isHttp, Service, type Job } from '../core/service';
import type { NodeStats } from '../../engine/node';
import type { SagaParticipantConfig } from './schema';

/** A participant's figures: a service's, and the commands it refused. */
export type SagaParticipantStats = NodeStats & { commands: number; refused: number; compensations: number };

/**
 * A service that takes part in sagas (Richardson's Customer Service): it runs commands and
 * their compensations like any HTTP service (`failureRate` answers 500, a transient failure),
 * and refuses a share of the commands for a business reason. The refusal is a reply, not an
 * error: 200 with `reply: 'failure'` and the code, as an Eventuate Tram reply message carries
 * its outcome. The command was processed (done here); the orchestrator reads the reply and
 * compensates. A compensation is never refused: it must succeed, so it is only retried.
 */
export class SagaParticipant extends Service<SagaParticipantConfig> {
  commands = 0;
  refused = 0;
  compensations = 0;

  constructor(sim: Simulation, config: SagaParticipantConfig) {
    super(sim, config);
  }

  protected override complete(job: Job): void {
    if (!isHttp(job.channel)) {
      super.complete(job);
      return;
    }
    if (job.msg.meta?.compensation === true) {
      this.compensations++;
      super.complete(job);
      return;
    }
    this.commands++;
    const p = this.config.rejectProbability;
    if (p > 0 && this.rng.next() < p) {
      this.refused++;
      this.sim.signal(this, job.from, 'response', job.msg, { status: 200, ok: true, reply: 'failure', code: this.config.rejectCode });
      return;
    }
    super.complete(job);
  }

  override stats(): SagaParticipantStats {
    return { ...super.stats(), commands: this.commands, refused: this.refused, compensations: this.compensations };
  }
}
