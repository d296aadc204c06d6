import { Controller, Get, Header, Injectable, type OnModuleInit } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Prometheus metrics of this process: Node's defaults plus the pipeline's own. */
@Injectable()
export class Metrics implements OnModuleInit {
  readonly registry = new Registry();
  readonly jobs = new Counter({ name: 'support_jobs_total', help: 'Jobs handled, by queue, job name and result', labelNames: ['queue', 'job', 'result'], registers: [this.registry] });
  readonly jobSeconds = new Histogram({
    name: 'support_job_duration_seconds',
    help: 'Time spent handling a job',
    labelNames: ['queue', 'job'],
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
    registers: [this.registry],
  });
  readonly decisions = new Counter({ name: 'support_decisions_total', help: 'Decisions made, by stage and outcome', labelNames: ['stage', 'outcome'], registers: [this.registry] });
  readonly jobsExhausted = new Counter({
    name: 'support_jobs_exhausted_total',
    help: 'Jobs that failed for good (attempts used up, or unrecoverable), by queue and job name',
    labelNames: ['queue', 'job'],
    registers: [this.registry],
  });
  readonly repairs = new Counter({
    name: 'support_reconciler_repairs_total',
    help: 'What the reconciler repaired, by kind: stage-republished, stage-retried, stage-moved-aside, agent-queue-readded, sla-clock-restarted, sla-alarm-rescheduled, scheduler-recreated',
    labelNames: ['kind'],
    registers: [this.registry],
  });
  readonly reconcileSeconds = new Histogram({
    name: 'support_reconcile_duration_seconds',
    help: 'Time one reconciler pass took',
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 30],
    registers: [this.registry],
  });
  readonly stalledWorkers = new Gauge({
    name: 'support_worker_stalled',
    help: "1 while this process's stage worker of the queue takes no jobs although it has room and jobs are ready (WORKER_STALL_MS), else 0",
    labelNames: ['queue'],
    registers: [this.registry],
  });
  readonly stuckRequests = new Gauge({ name: 'support_stuck_requests', help: 'Requests the reconciler moved aside, waiting for an operator (at its last pass)', registers: [this.registry] });

  onModuleInit(): void {
    collectDefaultMetrics({ register: this.registry });
  }
}

@ApiTags('operations')
@SkipThrottle({ public: true }) // load balancers and scrapers call these often: never rate limited
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4')
  @ApiOperation({ operationId: 'scrapeMetrics', summary: "Prometheus metrics of this process: Node's defaults, jobs handled, decisions made", security: [] })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'The Prometheus text exposition format (version 0.0.4)', schema: { type: 'string' } })
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
