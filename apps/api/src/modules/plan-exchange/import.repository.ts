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

  async deleteJobsBefore(before: Date): Promise<void> {
    await this.db.query(`DELETE FROM import_jobs WHERE created_at < $1 AND state <> 'running'`, [
      before,
    ]);
  }

  transaction<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }
}
