import { Module } from '@nestjs/common';
import { PostsModule } from '../posts/posts.module';

/** Import this to use ReviewService (decisions, e.g. through review links). */
@Module({ imports: [PostsModule], exports: [PostsModule] })
export class ReviewModule {}
