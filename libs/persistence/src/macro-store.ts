import type { DataSource } from 'typeorm';
import { MacroEntity } from './entities';
import { isUniqueViolation, UnitOfWork } from './unit-of-work';

/** Another macro of the same language has the name (names are unique per language). */
export class MacroNameTaken extends Error {}

/** The desk's macros (named reply texts per language), written by administrators and read by the desk. */
export class MacroStore {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(MacroEntity);
  }

  /** By language, then name; only one language's when asked. */
  list(language?: string): Promise<MacroEntity[]> {
    return this.repo.find({ where: language ? { language } : {}, order: { language: 'ASC', name: 'ASC' } });
  }

  find(id: string): Promise<MacroEntity | null> {
    return this.repo.findOneBy({ id });
  }

  /** Inserts or updates; MacroNameTaken when the language already has a macro of that name. */
  async save(row: MacroEntity): Promise<MacroEntity> {
    const clash = await this.repo.findOneBy({ language: row.language, name: row.name });
    if (clash && clash.id !== row.id) throw new MacroNameTaken(`a ${row.language} macro named "${row.name}" exists (${clash.id})`);
    try {
      await UnitOfWork.for(this.dataSource).run((m) => m.save(MacroEntity, row), { durable: true });
    } catch (error) {
      // Two writers raced for the name: the unique index decided.
      if (isUniqueViolation(error)) throw new MacroNameTaken(`a ${row.language} macro named "${row.name}" exists`);
      throw error;
    }
    return row;
  }

  async remove(id: string): Promise<boolean> {
    const result = await UnitOfWork.for(this.dataSource).run((m) => m.delete(MacroEntity, { id }), { durable: true });
    return (result.affected ?? 0) > 0;
  }
}
