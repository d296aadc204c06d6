import { Body, ConflictException, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InvalidInputError, validateInput } from '@support/contracts';
import { LANGUAGES } from '@support/domain';
import { type MacroEntity, MacroNameTaken, MacroStore, newId } from '@support/persistence';
import { Access, ApiBodyTooLarge, ApiError, ApiInvalidInput, ApiKeyErrors, BEARER, RulesService } from '@support/platform';
import { found } from './admin-helpers';
import { MacroDto, MacroListSchema, MacroSchema } from './macros.dto';

/** Macros: named reply texts per language that the desk offers agents beside the rules' own texts. */
@ApiTags('admin')
@ApiBearerAuth(BEARER)
@ApiKeyErrors()
@Access('admin')
@Controller('v1/admin/macros')
export class MacrosController {
  constructor(
    private readonly macros: MacroStore,
    private readonly rules: RulesService,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'listMacros', summary: 'The macros, by language and name' })
  @ApiQuery({ name: 'language', required: false, enum: LANGUAGES, description: "Only this language's macros" })
  @ApiOkResponse({ description: 'The macros', type: MacroListSchema })
  @ApiInvalidInput('The language is not one the desk has texts in')
  async list(@Query('language') language?: string) {
    if (language !== undefined && !(LANGUAGES as readonly string[]).includes(language)) {
      throw new InvalidInputError([{ field: 'language', messages: [`language must be one of ${LANGUAGES.join(', ')}`] }]);
    }
    return { items: await this.macros.list(language) };
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ operationId: 'createMacro', summary: 'Create a macro (its id is answered)' })
  @ApiBody({ type: MacroDto })
  @ApiResponse({ status: 201, description: 'Created', type: MacroSchema })
  @ApiInvalidInput('The body is invalid, or a clause is not one of the rules')
  @ApiError(409, 'The language already has a macro of that name')
  @ApiBodyTooLarge()
  async create(@Body() body: unknown) {
    const now = new Date().toISOString();
    return this.save({ id: newId('mac'), ...this.valid(body), createdAt: now, updatedAt: now });
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getMacro', summary: 'A macro' })
  @ApiParam({ name: 'id', description: 'The macro id' })
  @ApiOkResponse({ description: 'The macro', type: MacroSchema })
  @ApiError(404, 'No such macro')
  async get(@Param('id') id: string) {
    return found(await this.macros.find(id), `macro ${id}`);
  }

  @Put(':id')
  @ApiOperation({ operationId: 'updateMacro', summary: 'Replace a macro’s name, language, clauses and text' })
  @ApiParam({ name: 'id', description: 'The macro id' })
  @ApiBody({ type: MacroDto })
  @ApiOkResponse({ description: 'Replaced', type: MacroSchema })
  @ApiInvalidInput('The body is invalid, or a clause is not one of the rules')
  @ApiError(404, 'No such macro')
  @ApiError(409, 'The language already has another macro of that name')
  @ApiBodyTooLarge()
  async update(@Param('id') id: string, @Body() body: unknown) {
    const dto = this.valid(body);
    const old = found(await this.macros.find(id), `macro ${id}`);
    return this.save({ ...old, ...dto, updatedAt: new Date().toISOString() });
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteMacro', summary: 'Remove a macro (replies that started from it keep their record)' })
  @ApiParam({ name: 'id', description: 'The macro id' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiError(404, 'No such macro')
  async remove(@Param('id') id: string) {
    found(await this.macros.remove(id), `macro ${id}`);
  }

  /** The body, with every clause one of some loaded rules version (a typo would hide the macro). */
  private valid(body: unknown) {
    const dto = validateInput(MacroDto, body);
    const clauses = [...new Set(dto.clauses ?? [])];
    const unknown = clauses.filter((c) => !this.rules.versions.some((v) => v.clauses[c]));
    if (unknown.length > 0) throw new InvalidInputError([{ field: 'clauses', messages: [`no clause ${unknown.join(', ')} in the rules`] }]);
    return { name: dto.name.trim(), language: dto.language, clauses, body: dto.body };
  }

  private async save(row: MacroEntity) {
    try {
      return await this.macros.save(row);
    } catch (error) {
      if (error instanceof MacroNameTaken) throw new ConflictException(error.message);
      throw error;
    }
  }
}
