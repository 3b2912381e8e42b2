import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * A transaction for a service that coordinates several modules (signing up, the first owner,
 * the demo seed): each module's service takes the manager and writes its own tables in it.
 */
@Injectable()
export class Transactions {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  run<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  /**
   * Makes every other transaction that asks for the same name wait until this one ends
   * (`pg_advisory_xact_lock`): a check-then-create, such as "no user yet, so create the owner",
   * then runs once even when two processes start at the same moment.
   */
  async serialise(em: EntityManager, name: string): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [name]);
  }
}
