import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Jobs } from '@support/contracts';
import { EventPublisher } from '@support/messaging';
import { StuckJobStore } from '@support/persistence';
import { Access, ApiError, ApiKeyErrors, BEARER } from '@support/platform';
import { found } from './admin-helpers';
import { StuckRequestSchema, StuckRetrySchema } from './admin.responses';

/**
 * Requests the reconciler moved aside (their stage job failed for good, again after its retries),
 * for operators: see them, fix the cause (the failure reason says what), retry them.
 */
@ApiTags('admin')
@ApiBearerAuth(BEARER)
@ApiKeyErrors()
@Access('admin')
@Controller('v1/admin/stuck')
export class StuckController {
  constructor(
    private readonly stuck: StuckJobStore,
    private readonly publisher: EventPublisher,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'listStuckRequests', summary: 'Requests moved aside by the reconciler: their stage job keeps failing' })
  @ApiOkResponse({ description: 'Every request moved aside, oldest first', type: [StuckRequestSchema] })
  async list() {
    return (await this.stuck.stuck()).map(({ requestId, status, job, queue, jobId, retries, lastError, stuckAt }) => ({ requestId, status, job, queue, jobId, retries, lastError, stuckAt }));
  }

  @Post(':requestId/retry')
  @HttpCode(202)
  @ApiOperation({ operationId: 'retryStuckRequest', summary: 'Retry a request moved aside (after fixing the cause): its retries start again and a reconciler pass runs now' })
  @ApiParam({ name: 'requestId', description: 'The request moved aside' })
  @ApiResponse({ status: 202, description: 'Accepted: the reconciler retries its stage job now', type: StuckRetrySchema })
  @ApiError(404, 'The request is not moved aside')
  async retry(@Param('requestId') requestId: string) {
    found(await this.stuck.release(requestId), `stuck request ${requestId}`);
    // A pass now, not in up to a period: on whichever process runs the reconciler.
    await this.publisher.enqueue(Jobs.reconcile, {}, { jobId: `reconcile.retry.${requestId}.${Date.now()}`, removeOnComplete: true, removeOnFail: true });
    return { requestId, message: 'the reconciler retries the stage job now, up to RECONCILE_RETRIES times again' };
  }
}
