import { Module } from '@nestjs/common';
import { AdminController } from './admin.controller';

/** The administrators' API for reference data. */
@Module({ controllers: [AdminController] })
export class AdminModule {}
