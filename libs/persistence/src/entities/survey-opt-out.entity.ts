import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A customer who asked for no more surveys (List-Unsubscribe, RFC 8058): no survey is sent to them again. */
@Entity('survey_opt_outs')
export class SurveyOptOutEntity {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  customerId: string;

  @Column({ type: 'varchar', length: 30 })
  at: string;
}
