import { Controller, Get, NotFoundException, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { MailAttachmentEntity, ReferenceStore, RequestStore } from '@support/persistence';
import { Access, ApiError, ApiKeyErrors, ApiUnavailable, BEARER, Caller, COMMON_PAGE_HEADERS, contentSecurityPolicy, type Principal } from '@support/platform';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { canRead } from './requests.controller';

/**
 * The attachments a customer mailed (apps/mail-in keeps them; their ids are on the message's
 * timeline entry), for whoever may read the request. Always a download, never rendered by the
 * browser in our origin: what a customer sends is untrusted.
 */
@ApiTags('requests')
@ApiBearerAuth(BEARER)
@Controller('v1/requests/:id/attachments')
export class AttachmentsController {
  constructor(
    private readonly store: RequestStore,
    private readonly reference: ReferenceStore,
    private readonly dataSource: DataSource,
  ) {}

  @Get(':attachmentId')
  @Access('producer', 'admin', 'customer', 'company', 'agent')
  @ApiOperation({ operationId: 'getAttachment', summary: 'An attachment of a mail on the request (a download)' })
  @ApiParam({ name: 'id', description: 'The request id' })
  @ApiParam({ name: 'attachmentId', description: 'The id in the timeline entry of the message (att_...)' })
  @ApiOkResponse({ description: 'The content, as a download with its filename and type', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } })
  @ApiKeyErrors({ forbidden: false })
  @ApiError(404, 'No such request or attachment, or not one this key may read (existence does not leak)')
  @ApiUnavailable()
  async download(@Param('id') id: string, @Param('attachmentId') attachmentId: string, @Caller() caller: Principal, @Res({ passthrough: true }) res: Response) {
    const request = await this.store.find(id);
    const teams = caller.kind === 'agent' ? ((await this.reference.agent(caller.id))?.teams ?? []) : [];
    const attachment = request && canRead(caller, request, teams) ? await this.dataSource.getRepository(MailAttachmentEntity).findOneBy({ id: attachmentId, requestId: id }) : null;
    if (!attachment) throw new NotFoundException(`attachment ${attachmentId} of request ${id} not found`);
    res.set({
      ...COMMON_PAGE_HEADERS,
      'Content-Security-Policy': contentSecurityPolicy({ sandbox: '' }),
      'Cache-Control': 'no-store',
      'Content-Disposition': `attachment; filename="${attachment.filename.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`,
    });
    return new StreamableFile(Buffer.from(attachment.content, 'base64'), { type: attachment.contentType });
  }
}
