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
    row: Pick<UserEntity, 'email' | 'name' | 'passwordHash'> & Partial<Pick<UserEntity, 'locale'>>,
    em?: EntityManager,
  ): Promise<UserEntity> {
    const repo = em?.getRepository(UserEntity) ?? this.users;
    return repo.save(repo.create(row));
  }

  async update(id: string, patch: Partial<Pick<UserEntity, 'name' | 'locale'>>): Promise<void> {
    await this.users.update({ id }, { ...patch, updatedAt: () => 'now()' });
  }

  async count(em?: EntityManager): Promise<number> {
    return (em?.getRepository(UserEntity) ?? this.users).count();
  }
}
