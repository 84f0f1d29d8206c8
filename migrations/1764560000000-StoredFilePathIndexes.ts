import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Before a stored file is deleted, every table whose rows point at stored files is asked whether a row still points
 * at its path (FileStorageService.deleteRowsThenFiles): an index per table keeps that question from reading the
 * whole table.
 */
export class StoredFilePathIndexes1764560000000 implements MigrationInterface {
  name = 'StoredFilePathIndexes1764560000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX reports_storage_path_idx ON reports (storage_path)`);
    await queryRunner.query(`CREATE INDEX evidence_files_storage_path_idx ON evidence_files (storage_path)`);
    await queryRunner.query(`CREATE INDEX worklog_files_storage_path_idx ON worklog_files (storage_path)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX worklog_files_storage_path_idx`);
    await queryRunner.query(`DROP INDEX evidence_files_storage_path_idx`);
    await queryRunner.query(`DROP INDEX reports_storage_path_idx`);
  }
}
