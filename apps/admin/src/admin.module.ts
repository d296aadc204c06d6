import { Module } from '@nestjs/common';
import { CatalogueController } from './catalogue.controller';
import { MacrosController } from './macros.controller';
import { PeopleController } from './people.controller';
import { SchedulesController } from './schedules.controller';
import { StuckController } from './stuck.controller';

/** The administrators' API for reference data and the desk's macros, and the requests the reconciler moved aside. */
@Module({ controllers: [CatalogueController, SchedulesController, PeopleController, StuckController, MacrosController] })
export class AdminModule {}
