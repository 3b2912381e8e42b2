import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

/**
 * Accounts as the other modules (auth, setup, invitations, the demo seed) use them. The rules
 * about accounts (passwords, invitations) live with those modules; this one owns the table.
 */
@Injectable()
export class UsersService {
  constructor(private readonly users: UsersRepository) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findById(id);
  }

  /** Addresses compare without regard to case. */
  findByEmail(email: string, em?: EntityManager): Promise<UserEntity | null> {
    return this.users.findByEmail(email, em);
  }

  create(
    row: Pick<UserEntity, 'email' | 'name' | 'passwordHash' | 'emailVerifiedAt'> &
      Partial<Pick<UserEntity, 'locale'>>,
    em?: EntityManager,
  ): Promise<UserEntity> {
    return this.users.create(row, em);
  }

  update(id: string, patch: Partial<Pick<UserEntity, 'name' | 'locale'>>): Promise<void> {
    return this.users.update(id, patch);
  }

  /** With `verifyEmail`, the address counts as proven too (the reset link reached it). */
  setPassword(
    id: string,
    passwordHash: string,
    opts: { verifyEmail: boolean },
    em?: EntityManager,
  ): Promise<void> {
    return this.users.setPassword(id, passwordHash, opts, em);
  }

  markEmailVerified(id: string, em?: EntityManager): Promise<void> {
    return this.users.markEmailVerified(id, em);
  }

  count(em?: EntityManager): Promise<number> {
    return this.users.count(em);
  }
}
