import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A team's working hours (rule 2.2): time zone, weekly intervals, holidays, one-off overrides. */
@Entity('calendars')
export class CalendarEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  timezone: string;

  @Column({ type: 'simple-json' })
  weekly: Record<string, [string, string][]>;

  @Column({ type: 'simple-json' })
  holidays: string[];

  @Column({ type: 'simple-json' })
  overrides: { date: string; intervals: [string, string][] }[];
}

/** A paid support plan ([sla]): response and resolution targets per priority. */
@Entity('sla_plans')
export class SlaPlanEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'varchar', length: 16 })
  hours: 'business' | '24x7';

  @Column({ type: 'simple-json' })
  firstResponseMinutes: Record<string, number>;

  @Column({ type: 'simple-json' })
  resolutionMinutes: Record<string, number>;

  @Column({ type: 'integer', default: 80 })
  warnAtPercent: number;
}
