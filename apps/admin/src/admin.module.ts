import { Module } from '@nestjs/common';
import { CatalogueController } from './catalogue.controller';
import { PeopleController } from './people.controller';
import { SchedulesController } from './schedules.controller';

/** The administrators' API for reference data. */
@Module({ controllers: [CatalogueController, SchedulesController, PeopleController] })
export class AdminModule {}
