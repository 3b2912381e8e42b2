import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export type ImportJobRow = {
  id: string;
  workspace_id: string;
  file_name: string;
  format: 'csv' | 'xlsx';
  state: 'uploaded' | 'running' | 'done' | 'failed';
  headers: string[];
  sample: string[][];
  total_rows: number;
  processed_rows: number;
  imported_posts: number | null;
  error: string | null;
  created_at: Date;
};

export type ImportPostWrite = {
  status: 'idea' | 'draft';
  title: string;
  text: string;
  plannedAt: Date | null;
  tags: string[];
  variants: { channelId: string; text: string | null }[];
  contentHash: string;
  /** What the revision and the audit log keep: the approvable content. */
  content: unknown;
};

const JOB_COLUMNS = `id, workspace_id, file_name, format, state, headers, sample, total_rows, processed_rows,
                     imported_posts, error, created_at`;

@Injectable()
export class ImportRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insertJob(job: {
    workspaceId: string;
    createdBy: string;
    fileName: string;
    format: 'csv' | 'xlsx';
    file: Buffer;
    headers: string[];
    sample: string[][];
    totalRows: number;
  }): Promise<ImportJobRow> {
    const rows: ImportJobRow[] = await this.db.query(
      `INSERT INTO import_jobs (workspace_id, created_by, file_name, format, file, headers, sample, total_rows)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${JOB_COLUMNS}`,
      [
        job.workspaceId,
        job.createdBy,
        job.fileName,
        job.format,
        job.file,
        JSON.stringify(job.headers),
        JSON.stringify(job.sample),
        job.totalRows,
      ],
    );
    return rows[0]!;
  }

  async findJob(workspaceId: string, id: string): Promise<ImportJobRow | null> {
    const rows: ImportJobRow[] = await this.db.query(
      `SELECT ${JOB_COLUMNS} FROM import_jobs WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id],
    );
    return rows[0] ?? null;
  }

  async file(id: string): Promise<Buffer> {
    const rows: { file: Buffer }[] = await this.db.query(
      `SELECT file FROM import_jobs WHERE id = $1`,
      [id],
    );
    return rows[0]!.file;
  }

  /** Claims an uploaded job for running; false when it already ran or runs. */
  async claim(id: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `UPDATE import_jobs SET state = 'running', processed_rows = 0, updated_at = now()
        WHERE id = $1 AND state IN ('uploaded', 'failed') RETURNING id`,
      [id],
    );
    return rows.length > 0;
  }

  /** Progress is written outside the import's transaction, so a poller sees it while it runs. */
  async progress(id: string, processed: number): Promise<void> {
    await this.db.query(
      `UPDATE import_jobs SET processed_rows = $2, updated_at = now() WHERE id = $1`,
      [id, processed],
    );
  }

  async finish(
    id: string,
    outcome: { state: 'done'; importedPosts: number } | { state: 'failed'; error: string },
    em?: EntityManager,
  ): Promise<void> {
    await (em ?? this.db).query(
      `UPDATE import_jobs SET state = $2, imported_posts = $3, error = $4,
              processed_rows = CASE WHEN $2 = 'done' THEN total_rows ELSE processed_rows END,
              updated_at = now()
        WHERE id = $1`,
      [
        id,
        outcome.state,
        outcome.state === 'done' ? outcome.importedPosts : null,
        outcome.state === 'failed' ? outcome.error : null,
      ],
    );
  }

  /**
   * Inserts a batch of posts with their variants, first revisions and audit entries: four
   * statements whatever the batch size. Ids are drawn here so variants can name their posts.
   */
  async insertPosts(
    em: EntityManager,
    workspaceId: string,
    authorId: string,
    jobId: string,
    posts: ImportPostWrite[],
  ): Promise<void> {
    if (posts.length === 0) return;
    const ids = posts.map(() => randomUUID());
    await em.query(
      `INSERT INTO posts (id, workspace_id, status, title, text, planned_at, tags, author_id,
                          content_hash, status_reason)
       SELECT p.id, $1, p.status, p.title, p.text, p.planned_at,
              coalesce((SELECT array_agg(t) FROM jsonb_array_elements_text(p.tags) t), '{}'),
              $2, p.content_hash, 'imported'
         FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::timestamptz[],
                     $8::jsonb[], $9::text[])
              AS p(id, status, title, text, planned_at, tags, content_hash)`,
      [
        workspaceId,
        authorId,
        ids,
        posts.map((p) => p.status),
        posts.map((p) => p.title),
        posts.map((p) => p.text),
        posts.map((p) => p.plannedAt),
        posts.map((p) => JSON.stringify(p.tags)),
        posts.map((p) => p.contentHash),
      ],
    );
    const variantPost: string[] = [];
    const variantChannel: string[] = [];
    const variantPosition: number[] = [];
    const variantText: (string | null)[] = [];
    posts.forEach((p, i) =>
      p.variants.forEach((v, position) => {
        variantPost.push(ids[i]!);
        variantChannel.push(v.channelId);
        variantPosition.push(position);
        variantText.push(v.text);
      }),
    );
    if (variantPost.length > 0) {
      await em.query(
        `INSERT INTO post_variants (post_id, channel_id, position, text)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::smallint[], $4::text[])`,
        [variantPost, variantChannel, variantPosition, variantText],
      );
    }
    await em.query(
      `INSERT INTO post_revisions (post_id, number, content_hash, content, author_id)
       SELECT r.post_id, 1, r.content_hash, r.content, $1
         FROM unnest($2::uuid[], $3::text[], $4::jsonb[]) AS r(post_id, content_hash, content)`,
      [authorId, ids, posts.map((p) => p.contentHash), posts.map((p) => JSON.stringify(p.content))],
    );
    await em.query(
      `INSERT INTO audit_log (workspace_id, actor_type, actor_user_id, action, post_id,
                              subject_type, subject_id, after)
       SELECT $1, 'user', $2, 'post.created', a.post_id, 'import', $3, a.after
         FROM unnest($4::uuid[], $5::jsonb[]) AS a(post_id, after)`,
      [workspaceId, authorId, jobId, ids, posts.map((p) => JSON.stringify(p.content))],
    );
  }

  async deleteJobsBefore(before: Date): Promise<void> {
    await this.db.query(`DELETE FROM import_jobs WHERE created_at < $1 AND state <> 'running'`, [
      before,
    ]);
  }

  transaction<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }
}
