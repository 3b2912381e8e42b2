import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { UserEntity } from './user.entity';

@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  findByEmail(email: string, em?: EntityManager): Promise<UserEntity | null> {
    return (em?.getRepository(UserEntity) ?? this.users)
      .createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
  }

  create(
    row: Pick<UserEntity, 'email' | 'name' | 'passwordHash' | 'emailVerifiedAt'> &
      Partial<Pick<UserEntity, 'locale'>>,
    em?: EntityManager,
  ): Promise<UserEntity> {
    const repo = em?.getRepository(UserEntity) ?? this.users;
    return repo.save(repo.create(row));
  }

  async update(id: string, patch: Partial<Pick<UserEntity, 'name' | 'locale'>>): Promise<void> {
    await this.users.update({ id }, { ...patch, updatedAt: () => 'now()' });
  }

  async setPassword(
    id: string,
    passwordHash: string,
    opts: { verifyEmail: boolean },
    em?: EntityManager,
  ): Promise<void> {
    await (em?.getRepository(UserEntity) ?? this.users).update(
      { id },
      {
        passwordHash,
        updatedAt: () => 'now()',
        ...(opts.verifyEmail ? { emailVerifiedAt: () => 'now()' } : {}),
      },
    );
  }

  async markEmailVerified(id: string, em?: EntityManager): Promise<void> {
    await (em ?? this.users.manager).query(
      `UPDATE users SET email_verified_at = coalesce(email_verified_at, now()) WHERE id = $1`,
      [id],
    );
  }

  async count(em?: EntityManager): Promise<number> {
    return (em?.getRepository(UserEntity) ?? this.users).count();
  }
}
